/** GET /api/polls/<pollId>/results.csv: a poll's aggregate results for moderators (server/polls/moderation/results-csv-response.ts). */
import { createContextFromHeaders } from "@/server/api/trpc.ts";
import { resultsCsvResponse } from "@/server/polls/moderation/results-csv-response.ts";

export const dynamic = "force-dynamic";

export async function GET(request: Request, { params }: { params: Promise<{ pollId: string }> }): Promise<Response> {
  const { pollId } = await params;
  // The session and the reader's language, read exactly as tRPC reads them.
  const { db, user, locale, request: meta } = await createContextFromHeaders(request.headers);
  return resultsCsvResponse({ db, user, locale, pollId, request: meta });
}
