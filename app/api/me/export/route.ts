/** GET /api/me/export: the signed-in reader's data as a JSON download (server/account/export-response.ts). */
import { createContextFromHeaders } from "@/server/api/trpc.ts";
import { dataExportResponse } from "@/server/account/export-response.ts";

export const dynamic = "force-dynamic";

export async function GET(request: Request): Promise<Response> {
  // The session and the reader's language, read exactly as tRPC reads them.
  return dataExportResponse(await createContextFromHeaders(request.headers));
}
