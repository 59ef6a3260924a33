/**
 * Runs the comment pipeline (phases/index.ts) and records what it decided.
 *
 * runCommentPipeline: one read (writer-record.ts) plus the compiled watched words (kept per
 * process, watched-terms.ts), then the phases in order, in memory. A refusal throws its
 * translated error (and, for the rules worth auditing, writes a log entry first).
 * recordPipelineDecisions: after the comment is written, the automatic decisions go to the
 * audit log and a flag becomes a system report: extra writes only for a comment that was held,
 * flagged or censored, so an ordinary comment costs the one read.
 */
import type { RequestMeta } from "@/server/api/trpc.ts";
import type { HeldReason, MatchedSpan } from "@/server/api/routers/moderation/schemas.ts";
import type { Db } from "@/server/db/client.ts";
import type { Prisma } from "@/server/db/generated/client.ts";
import { appendModerationLog } from "./audit-log.ts";
import { linksOf } from "./links.ts";
import type { CommentDraft, PhaseContext } from "./phases/context.ts";
import { commentPhases } from "./phases/index.ts";
import { commentWatchList } from "./watched-terms.ts";
import { readWriterRecord } from "./writer-record.ts";

export interface AutomaticDecision {
  rule: string;
  action: "hold" | "flag" | "censor";
  details: Record<string, unknown>;
  spans: MatchedSpan[];
}

export interface PipelineOutcome {
  status: "VISIBLE" | "HELD";
  /** The first hold's reason. */
  reason: HeldReason | null;
  /** What to store: the text may have been censored. */
  draft: CommentDraft;
  decisions: AutomaticDecision[];
  flagged: boolean;
}

/** Rules whose refusals are written to the audit log (the others are ordinary limits). */
const auditedRefusals = new Set(["watched_word", "repeat_post"]);

export async function runCommentPipeline(
  db: Db,
  params: {
    action: "create" | "edit";
    userId: string;
    essayId: string;
    body: string;
    bodyHtml: string;
    now: Date;
    request?: RequestMeta;
    /** The edited comment, left out of the writer's recent comments. */
    commentId?: string;
  },
): Promise<PipelineOutcome> {
  const [record, watchList] = await Promise.all([
    readWriterRecord(db, { userId: params.userId, essayId: params.essayId, body: params.body, now: params.now, excludeCommentId: params.commentId }),
    commentWatchList(db),
  ]);
  let draft: CommentDraft = { body: params.body, bodyHtml: params.bodyHtml, links: linksOf(params.bodyHtml) };
  const decisions: AutomaticDecision[] = [];
  let reason: HeldReason | null = null;
  let flagged = false;

  for (const phase of commentPhases) {
    const ctx: PhaseContext = { action: params.action, now: params.now, draft, record, watchList };
    const decision = phase(ctx);
    if (!decision) continue;
    switch (decision.kind) {
      case "refuse":
        if (auditedRefusals.has(decision.rule)) {
          await appendModerationLog(db, [
            {
              rule: decision.rule,
              action: "refuse",
              targetType: "user",
              targetId: params.userId,
              reason: decision.rule,
              after: { spans: decision.log?.spans ?? [], details: decision.log?.details ?? {}, essayId: params.essayId, commentId: params.commentId ?? null },
              request: params.request,
              at: params.now,
            },
          ]);
        }
        throw decision.error;
      case "hold":
        reason ??= decision.rule;
        decisions.push({ rule: decision.rule, action: "hold", details: decision.details ?? {}, spans: decision.spans ?? [] });
        break;
      case "flag":
        flagged = true;
        decisions.push({ rule: decision.rule, action: "flag", details: {}, spans: decision.spans });
        break;
      case "censor":
        draft = decision.draft;
        decisions.push({ rule: decision.rule, action: "censor", details: {}, spans: decision.spans });
        break;
    }
  }
  return { status: reason === null ? "VISIBLE" : "HELD", reason, draft, decisions, flagged };
}

/** Weight of the system report a flagging watched word files: one ordinary report. */
export const systemReportWeight = 1;

/** After the comment is written (same transaction or right after): the audit entries and a flag's report. */
export async function recordPipelineDecisions(
  db: Db | Prisma.TransactionClient,
  commentId: string,
  outcome: PipelineOutcome,
  { request, now }: { request?: RequestMeta; now: Date },
): Promise<void> {
  if (outcome.decisions.length === 0) return;
  await appendModerationLog(
    db,
    outcome.decisions.map((decision) => ({
      rule: decision.rule,
      action: decision.action,
      targetType: "comment" as const,
      targetId: commentId,
      reason: decision.rule,
      after: { spans: decision.spans, details: decision.details },
      request,
      at: now,
    })),
  );
  if (outcome.flagged) {
    const tags = [...new Set(outcome.decisions.flatMap((d) => d.spans.filter((s) => s.action === "flag").map((s) => s.tag ?? s.term)))];
    await db.$executeRaw`
      WITH report AS (
        INSERT INTO "Report" (id, "commentId", "reporterId", reason, text, weight, status, "createdAt")
        VALUES (${`sys_${commentId}_${now.getTime()}`}, ${commentId}, NULL, 'OTHER', ${`watched_word: ${tags.join(", ")}`.slice(0, 500)}, ${systemReportWeight}, 'OPEN', ${now})
        RETURNING weight
      )
      UPDATE "Comment" SET "flagScore" = "flagScore" + (SELECT weight FROM report) WHERE id = ${commentId}`;
  }
}
