/**
 * Pre-moderation: an account's first N comments (the site's premoderateFirstN; 0 turns it off)
 * wait for approval, and so does every comment on an essay a moderator set to premoderateAll.
 * "First N" counts published comments, so a second comment written while the first waits waits too.
 */
import { isStaff, type Phase } from "./context.ts";

export const premoderationPhase: Phase = ({ action, record }) => {
  if (action !== "create" || isStaff(record)) return undefined;
  if (record.essay.premoderateAll) return { kind: "hold", rule: "premoderation", details: { essay: true } };
  const n = record.settings.premoderateFirstN;
  if (n > 0 && record.publishedCount < n) return { kind: "hold", rule: "premoderation", details: { published: record.publishedCount, firstN: n } };
  return undefined;
};
