/**
 * The essay margin's comment counts while the page is open: the server's counts
 * (comments.paragraphCounts, fetched once when the section loads) plus what happened since, as a
 * tally of comment ids by the paragraph their thread is about. Counting ids, not events, is what
 * keeps a count honest: the reader's own comment is counted when their post succeeds and again
 * announced by its live event; after a reconnect the stream may resend events already seen. An id
 * is counted once each way, however often it arrives.
 *
 * What the server counts (server/comments/counts.ts): the visible comments of the threads about a
 * paragraph, tombstones still holding replies included. So a "created" event (a paragraph
 * comment, or a reply in its thread) adds one, a "deleted" event that is "gone" takes one away,
 * and a tombstone changes nothing. Events carry the thread's paragraph (paragraphKey); one without
 * it is about no paragraph.
 *
 * Events seen before the server's counts arrived are applied on top of them too: the stream opens
 * after the section has asked for the counts (its subscription waits a short debounce), so such
 * an event is about a write made after the request, which the server's counts (kept up to a
 * second, and refreshed in the background after a write: server/comments/counts.ts) almost never
 * include yet. Only a write landing in the few milliseconds between that refresh and the response
 * could be in both; the next page load corrects it. A count never shows below zero.
 *
 * Pure functions, no React: tested on their own (margin-counts.test.ts).
 */
import type { CommentEvent } from "@/server/api/routers/comments/schemas.ts";

export interface MarginTally {
  /** Comments counted in since the page's counts were read: comment id → paragraph key. */
  added: ReadonlyMap<string, string>;
  /** Comments counted out (gone): comment id → paragraph key. */
  gone: ReadonlyMap<string, string>;
}

export const emptyMarginTally: MarginTally = { added: new Map(), gone: new Map() };

function withEntry(map: ReadonlyMap<string, string>, commentId: string, paragraphKey: string): ReadonlyMap<string, string> {
  return new Map(map).set(commentId, paragraphKey);
}

/** Counts a new comment in its paragraph, once (the reader's own post, or a "created" event). */
export function tallyCreated(tally: MarginTally, commentId: string, paragraphKey: string): MarginTally {
  if (tally.added.has(commentId)) return tally;
  return { ...tally, added: withEntry(tally.added, commentId, paragraphKey) };
}

/** Counts a comment out of its paragraph, once (a "gone" deletion or removal). */
export function tallyGone(tally: MarginTally, commentId: string, paragraphKey: string): MarginTally {
  if (tally.gone.has(commentId)) return tally;
  return { ...tally, gone: withEntry(tally.gone, commentId, paragraphKey) };
}

/** A live comment event into the tally; the same tally back when it changes no margin count. */
export function tallyEvent(tally: MarginTally, event: CommentEvent): MarginTally {
  if (event.type === "created") {
    const paragraphKey = event.paragraphKey ?? event.comment.paragraph?.key;
    return paragraphKey ? tallyCreated(tally, event.comment.id, paragraphKey) : tally;
  }
  if (event.type === "deleted" && event.outcome === "gone" && event.paragraphKey) return tallyGone(tally, event.commentId, event.paragraphKey);
  return tally;
}

/** Each paragraph's count to show: the server's, with the tally applied, never below zero. */
export function marginCounts(server: Readonly<Record<string, number>>, tally: MarginTally): Record<string, number> {
  const counts: Record<string, number> = { ...server };
  for (const key of tally.added.values()) counts[key] = (counts[key] ?? 0) + 1;
  for (const key of tally.gone.values()) counts[key] = (counts[key] ?? 0) - 1;
  for (const key of Object.keys(counts)) counts[key] = Math.max(0, counts[key] ?? 0);
  return counts;
}
