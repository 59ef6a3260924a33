/**
 * Ending or changing a reader's sessions on every app server at once.
 *
 * Each process keeps signed-in readers for a few seconds (session-cache.ts). A change made on one
 * server is seen there at once, but another server would keep serving its copy until it ran out.
 * So such a change is also published on the live bus's `sessions:<userId>` channel, which every app
 * server observes (forgetSessionsOnLiveEvents, started by server/http/app-server.ts) to drop that
 * reader's kept sessions: over PostgreSQL LISTEN/NOTIFY that takes milliseconds, and the 5 s bound
 * of session-cache.ts only remains for a server whose listener connection was down at the time.
 */
import type { Db } from "@/server/db/client.ts";
import type { LiveBus } from "@/server/live/bus.ts";
import { sessionsChannel } from "@/server/live/channels.ts";
import { getLiveBus } from "@/server/live/process-bus.ts";
import { forgetSessionsOfUser } from "./session-cache.ts";

type Publisher = Pick<LiveBus, "publish">;

/** After a change to a reader's sessions or role: dropped here at once, and on every other server. */
export async function announceSessionsChanged(db: Db, bus: Publisher, userId: string): Promise<void> {
  forgetSessionsOfUser(db, userId);
  await bus.publish(db, sessionsChannel(userId), {});
}

/**
 * For a change that has already committed (a ban, a deleted account, a role set by an admin): the
 * announcement on this process's bus. A failed publish is logged, not thrown: the change is stored,
 * and a server that missed it drops its copy within session-cache.ts's bound.
 */
export async function announceSessionsChangedSafely(db: Db, userId: string): Promise<void> {
  try {
    await announceSessionsChanged(db, getLiveBus(), userId);
  } catch (error) {
    console.error("[sessions] announcing a change to other servers failed:", error);
  }
}

/** "Sign out everywhere": every session of the reader ends, on every app server. Returns how many. */
export async function endAllSessions(db: Db, bus: Publisher, userId: string): Promise<number> {
  const { count } = await db.session.deleteMany({ where: { userId } });
  await announceSessionsChanged(db, bus, userId);
  return count;
}

/**
 * Every app server: drop a reader's kept sessions when any server announces a change. Synchronous,
 * so they are gone before anything else hears the event.
 */
export function forgetSessionsOnLiveEvents(bus: Pick<LiveBus, "observe">, db: Db): () => void {
  return bus.observe("sessions", (event) => forgetSessionsOfUser(db, event.channel.slice("sessions:".length)));
}
