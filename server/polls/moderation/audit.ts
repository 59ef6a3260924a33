/**
 * The moderation log: one JSON line per moderator action on the server log, with who, from
 * where and what (Documenso's request metadata). There is no audit table yet; a log line is
 * what an operator can search today, and the shape is ready for one.
 */
import type { RequestMeta } from "@/server/api/trpc.ts";

export interface ModerationAuditEntry {
  action: string;
  moderatorId: string;
  pollId: string;
  request: RequestMeta;
  /** What changed, in the product's words; never ballots or voters. */
  details?: Record<string, unknown>;
}

export type ModerationAuditSink = (line: string) => void;

let sink: ModerationAuditSink = (line) => console.info(line);

/** Tests swap the sink to read the entries; returns the previous one. */
export function setModerationAuditSink(next: ModerationAuditSink): ModerationAuditSink {
  const previous = sink;
  sink = next;
  return previous;
}

export function auditModeration(entry: ModerationAuditEntry, at: Date = new Date()): void {
  sink(
    `[moderation] ${JSON.stringify({
      at: at.toISOString(),
      action: entry.action,
      moderatorId: entry.moderatorId,
      pollId: entry.pollId,
      ip: entry.request.ip,
      userAgent: entry.request.userAgent,
      ...(entry.details ? { details: entry.details } : {}),
    })}`,
  );
}
