/**
 * After a moderator's change has committed: open poll cards refetch (the poll's live channel), and
 * the cached essay pages, which carry the polls' wording and placements in their HTML, render
 * afresh on their next request instead of after their revalidate period.
 */
import { revalidatePath } from "next/cache";
import type { Db } from "@/server/db/client.ts";
import { pollChannel, publishLiveEventSafely } from "@/server/live/publish.ts";

export async function announcePollChange(db: Db, pollId: string): Promise<void> {
  refreshEssayPages();
  await publishLiveEventSafely(db, pollChannel(pollId), { type: "results-changed" });
}

function refreshEssayPages(): void {
  try {
    // Every page under the [locale] layout: the essay pages in both languages (and the rest, cheaply).
    revalidatePath("/[locale]", "layout");
  } catch {
    // Outside a Next.js request (tests, scripts) there is no page cache to refresh.
  }
}
