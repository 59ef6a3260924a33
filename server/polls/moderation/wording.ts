/**
 * Poll wording as stored: what the moderator typed, minus the characters that only ever hide,
 * spoof or reorder text (bidi overrides and isolates, zero-width spaces and joiners outside emoji,
 * C1 controls, a byte order mark), composed to NFC, trailing space trimmed. These are exactly the
 * rules of comment bodies (docs/comment-markdown.md), so the same function applies them: a poll
 * question is read next to comments, and "Trojan Source" text must not look different in the two.
 * C0 controls (line breaks, tabs) are refused by the schema before this runs: wording is one line.
 */
import { normalizeCommentBody } from "@/server/comments/markdown/normalize-body.ts";

export function normalizePollWording(text: string): string {
  return normalizeCommentBody(text);
}
