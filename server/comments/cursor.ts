/**
 * Keyset cursors: the sort key and id of the last item a page returned, so the next page starts
 * strictly after it with an index seek (never OFFSET: page 50 costs what page 1 costs). Opaque to
 * clients (base64url JSON), and checked on the way back in, since a client can send anything.
 */
import { z } from "zod";
import { appError } from "@/server/api/errors.ts";

export type CommentOrder = "top" | "newest" | "oldest";

/** `key` is the rank for Top and the creation time in ms otherwise. */
export interface CommentCursor {
  order: CommentOrder;
  key: number;
  id: string;
}

const cursorPayload = z.object({ o: z.enum(["top", "newest", "oldest"]), k: z.number().finite(), i: z.string().min(1).max(64) }).strict();

export function encodeCursor(cursor: CommentCursor): string {
  return Buffer.from(JSON.stringify({ o: cursor.order, k: cursor.key, i: cursor.id })).toString("base64url");
}

/** Throws BAD_REQUEST comments.badCursor for anything this server did not hand out for `order`. */
export function decodeCursor(value: string, order: CommentOrder): CommentCursor {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(value, "base64url").toString("utf8"));
  } catch {
    throw appError("BAD_REQUEST", "comments.badCursor");
  }
  const result = cursorPayload.safeParse(parsed);
  if (!result.success || result.data.o !== order) throw appError("BAD_REQUEST", "comments.badCursor");
  return { order, key: result.data.k, id: result.data.i };
}

/** The cursor after `row` in `order`. */
export function cursorAfter(row: { id: string; rank: number; createdAt: Date }, order: CommentOrder): string {
  return encodeCursor({ order, key: order === "top" ? row.rank : row.createdAt.getTime(), id: row.id });
}
