/**
 * The HTTP answer of GET /api/polls/<pollId>/results.csv (app/api/polls/[pollId]/results.csv):
 * the CSV for a moderator; for anyone else a short message in their language — 401 signed out,
 * 403 signed in without the role, 404 for an unknown poll. Never cached: it is per moderator.
 */
import type { SessionUser } from "@/server/auth/session-user.ts";
import type { Db } from "@/server/db/client.ts";
import { errorMessage, type ErrorKey } from "@/server/i18n/error-messages.ts";
import type { AppLocale } from "@/server/i18n/locales.ts";
import type { RequestMeta } from "@/server/api/trpc.ts";
import { isModerator } from "@/server/polls/visibility.ts";
import { auditModeration } from "./audit.ts";
import { pollResultsCsv } from "./results-csv.ts";

export interface ResultsCsvRequest {
  db: Db;
  user: SessionUser | null;
  locale: AppLocale;
  pollId: string;
  request: RequestMeta;
  now?: Date;
}

const noStore = { "Cache-Control": "private, no-store" };

function refusal(status: number, key: ErrorKey, locale: AppLocale): Response {
  return new Response(`${errorMessage(locale, key)}\n`, { status, headers: { "Content-Type": "text/plain; charset=utf-8", ...noStore } });
}

/** RFC 5987 encoding: encodeURIComponent leaves ' ( ) * ! as they are, which the parameter syntax does not allow. */
function encodeFilename(name: string): string {
  return encodeURIComponent(name).replace(/['()*!]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

export async function resultsCsvResponse({ db, user, locale, pollId, request, now = new Date() }: ResultsCsvRequest): Promise<Response> {
  if (!user) return refusal(401, "moderation.export.signInRequired", locale);
  if (!isModerator(user.role)) return refusal(403, "moderation.export.forbidden", locale);
  const csv = pollId.length <= 64 ? await pollResultsCsv(db, pollId, now) : null;
  if (!csv) return refusal(404, "moderation.export.notFound", locale);
  auditModeration({ action: "poll.exportCsv", moderatorId: user.id, pollId, request }, now);
  return new Response(csv.body, {
    status: 200,
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${csv.asciiFilename}"; filename*=UTF-8''${encodeFilename(csv.filename)}`,
      ...noStore,
    },
  });
}
