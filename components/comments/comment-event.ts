/**
 * Reads one message of the live comments subscription: a CommentEvent, possibly wrapped as
 * tRPC's tracked `{ id, data }`, with its dates as Dates or (straight from storage) as ISO
 * strings. Anything that does not look right is ignored: a live update is a courtesy, and the
 * next fetch is the truth.
 *
 * Checked by hand rather than with the zod schema: this keeps zod out of the browser entirely
 * (about 100 kB of chunk, and a `new Function` probe for its JIT that the page's
 * Content-Security-Policy reports), so no zod configuration is needed on the client either. Keep
 * client imports of server schemas `import type`. The server validated the event before sending
 * it (server/api/routers/live/comments-stream.ts).
 */
import type { CommentEvent, CommentView } from "@/server/api/routers/comments/schemas.ts";

type Fields = Record<string, unknown>;

const isObject = (value: unknown): value is Fields => typeof value === "object" && value !== null;
const isString = (value: unknown): value is string => typeof value === "string";
const isInteger = (value: unknown): value is number => Number.isInteger(value);

function toDate(value: unknown): Date | null {
  const date = value instanceof Date ? value : isString(value) ? new Date(value) : null;
  return date && !Number.isNaN(date.getTime()) ? date : null;
}

function readComment(value: unknown): CommentView | null {
  if (!isObject(value)) return null;
  const createdAt = toDate(value.createdAt);
  const editedAt = value.editedAt === null ? null : toDate(value.editedAt);
  const statusOk = value.status === "visible" || value.status === "deleted" || value.status === "removed";
  if (!isString(value.id) || !isString(value.rootId) || !(value.parentId === null || isString(value.parentId))) return null;
  if (!isInteger(value.depth) || !isInteger(value.score) || !isInteger(value.replyCount) || !statusOk || !createdAt) return null;
  if (value.editedAt !== null && !editedAt) return null;
  if (!(value.bodyHtml === null || isString(value.bodyHtml)) || !(value.author === null || isObject(value.author))) return null;
  return { ...(value as unknown as CommentView), createdAt, editedAt };
}

/** The optional paragraph of a created or deleted event (the thread's, for the margin count); dropped when not a key. */
function paragraphOf(data: Fields): { paragraphKey?: string } {
  return isString(data.paragraphKey) && /^[A-Za-z0-9_-]{1,64}$/.test(data.paragraphKey) ? { paragraphKey: data.paragraphKey } : {};
}

/** The entries of a scores event, all well-formed, or null (the whole event is then ignored). */
function readScores(value: unknown): CommentEvent | null {
  if (!Array.isArray(value) || value.length === 0) return null;
  const scores: { commentId: string; score: number }[] = [];
  for (const entry of value) {
    if (!isObject(entry) || !isString(entry.commentId) || !isInteger(entry.score)) return null;
    scores.push({ commentId: entry.commentId, score: entry.score });
  }
  return { type: "scores", scores };
}

export function parseCommentEvent(message: unknown): CommentEvent | null {
  let data = message;
  if (isObject(data) && !("type" in data) && "data" in data) data = data.data;
  if (!isObject(data)) return null;
  switch (data.type) {
    case "created": {
      const comment = readComment(data.comment);
      return comment ? { type: "created", comment, ...paragraphOf(data) } : null;
    }
    case "edited": {
      const comment = readComment(data.comment);
      return comment ? { type: "edited", comment } : null;
    }
    case "deleted":
      return isString(data.commentId) && (data.outcome === "tombstone" || data.outcome === "gone")
        ? { type: "deleted", commentId: data.commentId, outcome: data.outcome, ...paragraphOf(data), ...(data.accountDeleted === true ? { accountDeleted: true as const } : {}) }
        : null;
    case "scores":
      return readScores(data.scores);
    default:
      return null;
  }
}
