/**
 * First pages of comments kept per process as a signed-out reader sees them (no viewer state), so
 * that a signed-in reader's first page costs one small query — their own upvotes among its
 * comments — instead of four (rows, first replies, authors, upvotes). Signed-out readers get the
 * kept page as it is. Later pages (with a cursor) are read as before: few readers go that far.
 *
 * Why a kept page is fresh enough:
 * - every comments live event (new, edited, removed, voted) clears all kept pages, on this server
 *   as soon as the event is stored and before any subscriber hears it (LiveBus.observe; the
 *   writer's own next read included), and on other servers when its NOTIFY arrives;
 * - a load that began before a clear is not kept (generation), so it cannot outlive the event;
 * - what no event announces (an author renamed or showing a new poll badge) shows at most
 *   `maxAgeMs` late, as in the HTTP read cache (server/http/read-cache.ts); a vote's score shows
 *   with its coalesced event, within 250 ms (score-events.ts), while the voter's own upvote is
 *   read per reader and so is current at once.
 */
import type { Db } from "@/server/db/client.ts";
import { mapIn } from "@/server/db/per-database.ts";
import type { LiveBus } from "@/server/live/bus.ts";
import { getLiveBus } from "@/server/live/process-bus.ts";
import type { CommentView } from "@/server/api/routers/comments/schemas.ts";
import type { CommentOrder } from "./cursor.ts";
import { topLevelPage, type CommentPage } from "./pages.ts";
import { upvotedBy, viewerOf, type CommentReader } from "./views.ts";

const maxAgeMs = 1000;
/** Keys are essay × paragraph × order × page size: a cap keeps odd page sizes from piling up. */
const maxPages = 200;

interface Kept {
  page: CommentPage;
  generation: number;
  expires: number;
}

interface Loading {
  generation: number;
  page: Promise<CommentPage>;
}

class FirstPages {
  /** Per database handle: tests open several, each with its own essays. */
  private readonly kept = new WeakMap<Db, Map<string, Kept>>();
  private readonly loading = new WeakMap<Db, Map<string, Loading>>();
  /** Bumped by every comments event: anything kept or loading under an older one is not served. */
  private generation = 0;
  private observed: { bus: LiveBus; stop: () => void } | null = null;

  async get(db: Db, key: string, load: () => Promise<CommentPage>): Promise<CommentPage> {
    this.observeBus();
    const kept = mapIn(this.kept, db);
    const hit = kept.get(key);
    if (hit && hit.generation === this.generation && hit.expires > Date.now()) return hit.page;

    // Concurrent misses share one load, unless an event came since it began.
    const loading = mapIn(this.loading, db);
    const pending = loading.get(key);
    if (pending && pending.generation === this.generation) return pending.page;

    const generation = this.generation;
    const page = load();
    loading.set(key, { generation, page });
    try {
      const loaded = await page;
      if (generation === this.generation) {
        kept.delete(key);
        if (kept.size >= maxPages) kept.delete(kept.keys().next().value!);
        kept.set(key, { page: loaded, generation, expires: Date.now() + maxAgeMs });
      }
      return loaded;
    } finally {
      if (loading.get(key)?.page === page) loading.delete(key);
    }
  }

  /** For tests that write comment rows directly, without an event. */
  forget(): void {
    this.generation += 1;
  }

  /** The process's bus can be replaced (tests): follow it, so its events keep clearing the pages. */
  private observeBus(): void {
    const bus = getLiveBus();
    if (this.observed?.bus === bus) return;
    this.observed?.stop();
    this.observed = { bus, stop: bus.observe("comments", () => (this.generation += 1)) };
  }
}

// On globalThis for the reason of server/db/index.ts: Next bundles server code into several chunks.
const globalForPages = globalThis as typeof globalThis & { __tuiquanFirstPages?: FirstPages };
const firstPages = (globalForPages.__tuiquanFirstPages ??= new FirstPages());

/** The first page of an essay's top-level comments (or of those about one paragraph), for `reader`. */
export async function firstCommentPage(
  db: Db,
  params: { essayId: string; paragraphKey: string | null; order: CommentOrder; limit: number },
  reader: CommentReader,
): Promise<CommentPage> {
  const key = [params.essayId, params.paragraphKey ?? "", params.order, params.limit].join("\u0000");
  const page = await firstPages.get(db, key, () => topLevelPage(db, { ...params, cursor: null }, null));
  return reader === null ? page : forReader(db, page, reader);
}

/** Forgets every kept first page (tests that write rows without publishing an event). */
export function forgetFirstCommentPages(): void {
  firstPages.forget();
}

/** The signed-out page with this reader's viewer state: their upvotes in one query. */
async function forReader(db: Db, page: CommentPage, reader: NonNullable<CommentReader>): Promise<CommentPage> {
  const views = page.items.flatMap((item) => [item, ...item.replies]);
  const upvoted = await upvotedBy(db, reader, views.filter((view) => view.status === "visible").map((view) => view.id));
  // A visible comment always carries its author (views.ts), so the author's id says who wrote it.
  const personal = (view: CommentView): CommentView => ({
    ...view,
    viewer: viewerOf(reader, view.status === "visible", view.author?.id === reader.id, upvoted.has(view.id)),
  });
  return { ...page, items: page.items.map((item) => ({ ...personal(item), replies: item.replies.map(personal) })) };
}
