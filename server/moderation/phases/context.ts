/**
 * What every phase of the comment pipeline reads (PhaseContext) and may answer (PhaseDecision).
 * Phases are pure: all they know was read beforehand in one statement (writer-record.ts), so the
 * pipeline adds no query per phase.
 */
import type { TRPCError } from "@trpc/server";
import type { HeldReason, MatchedSpan } from "@/server/api/routers/moderation/schemas.ts";
import type { WriterRecord } from "../writer-record.ts";
import type { WatchList as CommentWatchList } from "../watched-words/index.ts";

export interface CommentDraft {
  /** The normalized Markdown as it will be stored. */
  body: string;
  bodyHtml: string;
  /** The URLs of the links the rendered comment carries. */
  links: string[];
}

export interface PhaseContext {
  action: "create" | "edit";
  now: Date;
  draft: CommentDraft;
  record: WriterRecord;
  /** The compiled watched words, or null when the list is empty. */
  watchList: CommentWatchList | null;
}

export type PhaseDecision =
  /** The comment is refused with this translated error; nothing is written. */
  | { kind: "refuse"; rule: string; error: TRPCError; log?: { details?: Record<string, unknown>; spans?: MatchedSpan[] } }
  /** The comment is stored HELD for review, with this reason; later phases still run (one may refuse). */
  | { kind: "hold"; rule: HeldReason; details?: Record<string, unknown>; spans?: MatchedSpan[] }
  /** Visible, but a system report puts it in the reported queue. */
  | { kind: "flag"; rule: string; spans: MatchedSpan[] }
  /** The stored text is replaced (the matched spans masked); later phases see the new draft. */
  | { kind: "censor"; rule: string; draft: CommentDraft; spans: MatchedSpan[] };

export type Phase = (ctx: PhaseContext) => PhaseDecision | undefined;

export const isStaff = (record: WriterRecord) => record.role === "MODERATOR" || record.role === "ADMIN";
