/**
 * The HTTP answer of GET /api/me/export (app/api/me/export/route.ts): the reader's data as a JSON
 * download, read through the tRPC caller of the request's own context (me.exportData), so the
 * procedure's authorization is the only one. Signed out: 401 with a one-line message in the
 * reader's language. Never cached: it is one reader's data.
 */
import { TRPCError } from "@trpc/server";
import { createCaller } from "@/server/api/root.ts";
import type { Context } from "@/server/api/trpc.ts";
import { errorMessage } from "@/server/i18n/error-messages.ts";

const noStore = { "Cache-Control": "private, no-store" };

/** tuiquan-data-2026-12-07.json: the day of the export, in UTC. */
export function dataExportFilename(now: Date): string {
  return `tuiquan-data-${now.toISOString().slice(0, 10)}.json`;
}

export async function dataExportResponse(ctx: Context, now = new Date()): Promise<Response> {
  let data: unknown;
  try {
    data = await createCaller(ctx).me.exportData();
  } catch (error) {
    if (error instanceof TRPCError && error.code === "UNAUTHORIZED") {
      return new Response(`${errorMessage(ctx.locale, "signInRequired")}\n`, {
        status: 401,
        headers: { "Content-Type": "text/plain; charset=utf-8", ...noStore },
      });
    }
    throw error;
  }
  return new Response(`${JSON.stringify(data, null, 2)}\n`, {
    status: 200,
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="${dataExportFilename(now)}"`,
      ...noStore,
    },
  });
}
