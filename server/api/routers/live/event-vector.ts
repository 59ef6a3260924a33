/**
 * The resume point of live.page: one last-seen LiveEvent id per channel. Ids are ordered only
 * within a channel (docs/live-updates.md), so one number cannot say where a multiplexed stream
 * stopped. Written compactly because it travels in the SSE id and back in a URL on every
 * reconnect: "c:123;n:789;p:<pollId>:456" (comments, notifications, each poll).
 *
 * Decoding is forgiving: it comes back from the browser, and a part it cannot read only means
 * "that channel starts from now", never an error that would break the client's reconnect loop.
 */

export interface EventVector {
  comments?: string;
  notifications?: string;
  /** pollId → last id. */
  polls: Map<string, string>;
}

/** Poll ids are cuids; this keeps the separators ";" and ":" out of them. */
export const vectorPollIdPattern = /^[A-Za-z0-9_-]{1,64}$/;

/** A bigserial id: 1 to 19 digits and no larger than PostgreSQL's bigint. */
const maxBigint = 2n ** 63n - 1n;
function readId(text: string | undefined): string | undefined {
  if (text === undefined || !/^\d{1,19}$/.test(text)) return undefined;
  const id = BigInt(text);
  return id <= maxBigint ? id.toString() : undefined;
}

export function emptyEventVector(): EventVector {
  return { polls: new Map() };
}

export function decodeEventVector(text: string | null | undefined): EventVector {
  const vector = emptyEventVector();
  if (!text) return vector;
  for (const part of text.split(";")) {
    const fields = part.split(":");
    if (fields[0] === "c" && fields.length === 2) vector.comments = readId(fields[1]) ?? vector.comments;
    else if (fields[0] === "n" && fields.length === 2) vector.notifications = readId(fields[1]) ?? vector.notifications;
    else if (fields[0] === "p" && fields.length === 3 && vectorPollIdPattern.test(fields[1]!)) {
      const id = readId(fields[2]);
      if (id !== undefined) vector.polls.set(fields[1]!, id);
    }
  }
  return vector;
}

/** The same vector always encodes the same way (polls sorted), so equal points compare equal. */
export function encodeEventVector(vector: EventVector): string {
  const parts: string[] = [];
  if (vector.comments !== undefined) parts.push(`c:${vector.comments}`);
  if (vector.notifications !== undefined) parts.push(`n:${vector.notifications}`);
  for (const pollId of [...vector.polls.keys()].sort()) parts.push(`p:${pollId}:${vector.polls.get(pollId)!}`);
  return parts.join(";");
}
