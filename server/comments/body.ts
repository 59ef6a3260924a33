/**
 * A comment body as the handlers store it: normalized (markdown/normalize-body.ts), checked
 * against the limits in code points after normalization, and rendered to sanitized HTML once, at
 * write time, so reads never render.
 */
import { appError } from "@/server/api/errors.ts";
import { commentBodyLength, commentBodyLimits, normalizeCommentBody } from "./markdown/normalize-body.ts";
import { renderCommentMarkdown } from "./markdown/render.ts";

export interface PreparedBody {
  body: string;
  bodyHtml: string;
}

/** Throws BAD_REQUEST comments.bodyEmpty / comments.bodyTooLong (with the limit) before any write. */
export function prepareCommentBody(raw: string): PreparedBody {
  const body = normalizeCommentBody(raw);
  const length = commentBodyLength(body);
  if (length < commentBodyLimits.min) throw appError("BAD_REQUEST", "comments.bodyEmpty");
  if (length > commentBodyLimits.max) throw appError("BAD_REQUEST", "comments.bodyTooLong", { max: commentBodyLimits.max, length });
  return { body, bodyHtml: renderCommentMarkdown(body) };
}
