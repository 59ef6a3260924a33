/**
 * Repeat post: the same text as one of the writer's own recent comments (writer-record.ts says
 * which) is refused, so a flood cannot be pasted across threads. Only new comments: an edit that
 * keeps the text is a no-op before the pipeline.
 */
import { appError } from "@/server/api/errors.ts";
import type { Phase } from "./context.ts";

export const repeatPostPhase: Phase = ({ action, record }) =>
  action === "create" && record.repeatsRecent ? { kind: "refuse", rule: "repeat_post", error: appError("BAD_REQUEST", "moderation.comments.repeatPost") } : undefined;
