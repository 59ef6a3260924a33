/**
 * One live connection per browser tab. Browsers give an origin six HTTP/1.1 connections and a
 * server-sent events stream holds one for as long as the page is open, so the comments, each poll
 * card and the bell must not open a stream each: they register their interest here, and one
 * live.page subscription carries the union (docs/live-updates.md).
 *
 * When the union changes, the subscription is replaced after a short pause (so a page mounting
 * five features opens one stream, not five in a row), and the new one resumes from the vector of
 * the old one: nothing published during the switch is lost.
 */
import { getTrpcClient } from "@/components/providers/browser-clients.ts";
import type { CommentEvent } from "@/server/api/routers/comments/schemas.ts";
import type { LivePageInput, LivePageMessage, NotificationLiveEvent, PollLiveEvent } from "@/server/api/routers/live/schemas.ts";

export type LiveInterest = { kind: "comments"; slug: string } | { kind: "poll"; pollId: string } | { kind: "notifications" };

/** The event a listener of an interest receives. */
export type LiveEventOf<I extends LiveInterest> = I extends { kind: "comments" }
  ? CommentEvent
  : I extends { kind: "poll" }
    ? PollLiveEvent
    : NotificationLiveEvent;

/** How the connection opens a live.page subscription; returns a function that closes it. */
export type LiveTransport = (
  input: LivePageInput,
  handlers: { onData(vector: string, message: LivePageMessage): void; onError(error: unknown): void },
) => () => void;

/** maxLivePagePolls of the live schemas, copied: importing that module would bring zod into the browser chunk. */
const maxPolls = 12;

interface Registration {
  interest: LiveInterest;
  listener(event: unknown): void;
}

/** The live.page input for a set of interests, or null when nothing is of interest. */
export function pageInputFor(interests: Iterable<LiveInterest>): LivePageInput | null {
  let slug: string | undefined;
  const pollIds = new Set<string>();
  let notifications = false;
  for (const interest of interests) {
    if (interest.kind === "comments") slug ??= interest.slug;
    else if (interest.kind === "poll") pollIds.add(interest.pollId);
    else notifications = true;
  }
  if (slug === undefined && pollIds.size === 0 && !notifications) return null;
  const input: LivePageInput = {};
  if (slug !== undefined) input.slug = slug;
  if (pollIds.size > 0) input.pollIds = [...pollIds].sort().slice(0, maxPolls);
  if (notifications) input.notifications = true;
  return input;
}

function matches(interest: LiveInterest, message: LivePageMessage): boolean {
  switch (message.channel) {
    case "comments":
      return interest.kind === "comments";
    case "poll":
      return interest.kind === "poll" && interest.pollId === message.pollId;
    case "notifications":
      return interest.kind === "notifications";
    default:
      return false;
  }
}

export interface LiveConnection {
  subscribe<I extends LiveInterest>(interest: I, listener: (event: LiveEventOf<I>) => void): () => void;
}

export function createLiveConnection(transport: LiveTransport, { debounceMs = 50 }: { debounceMs?: number } = {}): LiveConnection {
  const registrations = new Set<Registration>();
  let current: { key: string; close(): void } | null = null;
  /** The resume vector of the newest message, and the essay whose comments it counted. */
  let vector: string | undefined;
  let vectorSlug: string | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;

  function dispatch(message: LivePageMessage) {
    if (message.channel === "ready") return;
    for (const { interest, listener } of [...registrations]) {
      if (!matches(interest, message)) continue;
      // One feature's failure must not starve the others of their events.
      try {
        listener(message.event);
      } catch (error) {
        console.error("[live] a listener failed:", error);
      }
    }
  }

  function reconcile() {
    timer = undefined;
    const input = pageInputFor([...registrations].map((registration) => registration.interest));
    const key = input ? JSON.stringify(input) : null;
    if (key === (current?.key ?? null)) return;
    current?.close();
    current = null;
    if (!input || !key) return;
    // The comments entry of the vector is a position in one essay's channel, meaningless in another's.
    const resumeFrom = vector && input.slug !== vectorSlug ? vector.replace(/(^|;)c:\d+/, "").replace(/^;/, "") : vector;
    // A replaced subscription may still deliver a message on its way out: it must not move the vector.
    let live = true;
    const close = transport({ ...input, ...(resumeFrom ? { lastEventId: resumeFrom } : {}) }, {
      onData(next, message) {
        if (!live) return;
        vector = next;
        vectorSlug = input.slug;
        dispatch(message);
      },
      // The link reconnects by itself after a dropped connection (resuming from the vector); an
      // error here is a refusal, which ends this subscription until the interests change.
      onError(error) {
        console.warn("[live] the page's live connection ended:", error instanceof Error ? error.message : error);
      },
    });
    current = {
      key,
      close: () => {
        live = false;
        close();
      },
    };
  }

  return {
    subscribe(interest, listener) {
      const registration: Registration = { interest, listener: listener as (event: unknown) => void };
      registrations.add(registration);
      timer ??= setTimeout(reconcile, debounceMs);
      return () => {
        registrations.delete(registration);
        timer ??= setTimeout(reconcile, debounceMs);
      };
    },
  };
}

/** live.page over the tab's tRPC client (its subscription link: one EventSource, resumed by the vector). */
const trpcTransport: LiveTransport = (input, handlers) => {
  const subscription = getTrpcClient().live.page.subscribe(input, {
    onData: ({ id, data }) => handlers.onData(id, data),
    onError: (error) => handlers.onError(error),
  });
  return () => subscription.unsubscribe();
};

let tabConnection: LiveConnection | undefined;

/** Follows one live channel on the tab's one connection; returns the function that stops it. */
export function subscribeLive<I extends LiveInterest>(interest: I, listener: (event: LiveEventOf<I>) => void): () => void {
  tabConnection ??= createLiveConnection(trpcTransport);
  return tabConnection.subscribe(interest, listener);
}
