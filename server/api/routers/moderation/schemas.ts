/**
 * zod input and output schemas of moderation.* (docs/moderation.md): the contract between the
 * server and the console at /moderate. Every procedure is for MODERATOR and ADMIN only.
 */
import { z } from "zod";
import { commentIdSchema, cursorSchema } from "@/server/api/routers/comments/schemas.ts";

/** Why a comment waits for review; the author sees it ("awaiting review"). */
export const heldReasonSchema = z.enum(["premoderation", "watched_word", "links", "recent_record", "community_flags"]);
export type HeldReason = z.infer<typeof heldReasonSchema>;
/** Why a moderator rejected a comment; the author sees it ("removed: <reason>"). */
export const rejectionReasonSchema = z.enum(["spam", "harassment", "hate", "off_topic", "illegal", "other"]);
export type RejectionReason = z.infer<typeof rejectionReasonSchema>;
export const moderationReasonSchema = z.union([heldReasonSchema, rejectionReasonSchema]);
export type ModerationReason = z.infer<typeof moderationReasonSchema>;

export const queueKindSchema = z.enum(["held", "reported", "recent", "approved", "rejected"]);
export type QueueKind = z.infer<typeof queueKindSchema>;

const limitSchema = z.number().int().min(1).max(50).default(20);

export const queueInput = z
  .object({
    kind: queueKindSchema,
    /** From the previous page's nextCursor; null or absent for the first page. */
    cursor: cursorSchema.nullish(),
    /** tRPC's infinite queries add it; only "forward" exists. */
    direction: z.enum(["forward", "backward"]).optional(),
    limit: limitSchema,
  })
  .strict();

/** A span the filter matched, as offsets (UTF-16, JavaScript string indices) into the stored text of `field`. */
export const matchedSpanSchema = z.object({
  field: z.enum(["body", "displayName", "link"]),
  term: z.string(),
  action: z.enum(["block", "hold", "flag", "censor"]),
  tag: z.string().nullable(),
  start: z.number().int(),
  end: z.number().int(),
  text: z.string(),
});
export type MatchedSpan = z.infer<typeof matchedSpanSchema>;

/** An automatic decision taken on the comment (from the audit log). */
export const automaticDecisionSchema = z.object({
  /** The phase that decided: "watched_word", "links", "premoderation", "recent_record", "community_flags". */
  rule: z.string(),
  /** "hold", "flag", "censor". */
  action: z.string(),
  spans: z.array(matchedSpanSchema),
  /** Extra facts of the phase (e.g. { links: 3, limit: 1 }). */
  details: z.record(z.string(), z.unknown()),
  at: z.date(),
});

export const queueReportSchema = z.object({
  id: z.string(),
  reason: z.enum(["spam", "harassment", "hate", "off_topic", "illegal", "other"]),
  text: z.string().nullable(),
  weight: z.number(),
  status: z.enum(["open", "upheld", "dismissed"]),
  /** null: an automatic report (a watched word that flags). */
  reporter: z.object({ id: z.string(), name: z.string().nullable() }).nullable(),
  createdAt: z.date(),
});

export const sanctionSummarySchema = z.object({
  kind: z.enum(["warning", "suspension", "ban"]),
  reason: z.string(),
  endsAt: z.date().nullable(),
});

export const queueItemSchema = z.object({
  comment: z.object({
    id: z.string(),
    essay: z.object({ slug: z.string(), title: z.string() }),
    status: z.enum(["visible", "held", "removed", "deleted"]),
    /** The rendered text, also for held and removed comments (moderators see it). */
    bodyHtml: z.string(),
    /** The Markdown as stored (censored when a censor term matched): the spans' offsets are into this. */
    body: z.string(),
    paragraph: z.object({ key: z.string(), quote: z.string() }).nullable(),
    /** The comment replied to, for context: a plain-text excerpt (at most 120 characters). */
    parent: z.object({ id: z.string(), excerpt: z.string(), authorName: z.string().nullable() }).nullable(),
    /** The comment's page path, e.g. /comments/<id>. */
    permalink: z.string(),
    createdAt: z.date(),
    editedAt: z.date().nullable(),
    featuredAt: z.date().nullable(),
    flagScore: z.number(),
    /** A held or rejected comment's reason code; after approval, the reason it had been held for. */
    reason: moderationReasonSchema.nullable(),
    note: z.string().nullable(),
    moderatedAt: z.date().nullable(),
    moderatedBy: z.object({ id: z.string(), name: z.string().nullable() }).nullable(),
  }),
  decisions: z.array(automaticDecisionSchema),
  /** Newest first, at most 20. */
  reports: z.array(queueReportSchema),
  author: z.object({
    id: z.string(),
    name: z.string().nullable(),
    role: z.enum(["user", "moderator", "admin"]),
    joinedAt: z.date(),
    /** All their comments, any state. */
    commentCount: z.number().int(),
    /** Their comments a moderator rejected. */
    rejectedCount: z.number().int(),
    activeSanction: sanctionSummarySchema.nullable(),
  }),
  /** Open on another (or this) moderator's screen until expiresAt. */
  claim: z.object({ moderatorId: z.string(), moderatorName: z.string().nullable(), expiresAt: z.date(), mine: z.boolean() }).nullable(),
});
export type QueueItem = z.infer<typeof queueItemSchema>;

export const queueOutput = z.object({ items: z.array(queueItemSchema), nextCursor: z.string().nullable() });
export type QueuePage = z.infer<typeof queueOutput>;

/** Items waiting: held comments, and visible ones with open reports. */
export const countsOutput = z.object({ held: z.number().int(), reported: z.number().int() });

/** One or many comments (bulk selection): at most 100 at once. */
const commentIdsSchema = z.array(commentIdSchema).min(1).max(100);
export const commentIdsInput = z.object({ commentIds: commentIdsSchema }).strict();
export const noteSchema = z.string().trim().max(500, { message: "moderation.comments.noteTooLong" });
export const rejectInput = z.object({ commentIds: commentIdsSchema, reason: rejectionReasonSchema, note: noteSchema.optional() }).strict();

/**
 * Per comment: "done" when this call decided it; "skipped" when it was not in a state the action
 * applies to (another moderator decided first, or it was deleted, or it does not exist);
 * "forbidden" for an administrator's comment acted on by a moderator. Only "done" changed anything.
 */
export const actionOutput = z.object({
  results: z.array(z.object({ commentId: z.string(), outcome: z.enum(["done", "skipped", "forbidden"]) })),
});
export type ActionOutput = z.infer<typeof actionOutput>;

export const claimInput = z.object({ commentId: commentIdSchema }).strict();
/** The claim that holds now: this moderator's (mine) or another's that has not expired. */
export const claimOutput = z.object({
  commentId: z.string(),
  moderatorId: z.string(),
  moderatorName: z.string().nullable(),
  expiresAt: z.date(),
  mine: z.boolean(),
});
export const releaseOutput = z.object({ released: z.boolean() });

export const logInput = z
  .object({
    actorId: z.string().min(1).max(64).optional(),
    /** Only automatic decisions (actorId null) with this rule name. */
    rule: z.string().min(1).max(64).optional(),
    action: z.string().min(1).max(64).optional(),
    targetType: z.enum(["comment", "user", "essay", "watchlist", "settings"]).optional(),
    targetId: z.string().min(1).max(64).optional(),
    cursor: cursorSchema.nullish(),
    direction: z.enum(["forward", "backward"]).optional(),
    limit: limitSchema,
  })
  .strict();

export const logEntrySchema = z.object({
  id: z.string(),
  /** null for an automatic rule (then `rule` names it). */
  actor: z.object({ id: z.string(), name: z.string().nullable() }).nullable(),
  rule: z.string().nullable(),
  action: z.string(),
  targetType: z.string(),
  targetId: z.string(),
  reason: z.string().nullable(),
  note: z.string().nullable(),
  before: z.unknown().nullable(),
  after: z.unknown().nullable(),
  ip: z.string().nullable(),
  userAgent: z.string().nullable(),
  createdAt: z.date(),
});
export const logOutput = z.object({ items: z.array(logEntrySchema), nextCursor: z.string().nullable() });

// People: sanctions and private notes (docs/moderation.md, "People").

export const userIdInput = z.object({ userId: z.string().min(1).max(64) }).strict();
export const sanctionKindSchema = z.enum(["warning", "suspension", "ban"]);
export const sanctionInput = z
  .object({
    userId: z.string().min(1).max(64),
    kind: sanctionKindSchema,
    /** Shown to the reader on every refused write and on their account page. */
    reason: z.string().trim().min(1, { message: "moderation.people.reasonRequired" }).max(300, { message: "moderation.people.reasonTooLong" }),
    /** Private to moderators. */
    note: noteSchema.optional(),
    /** A suspension's length (1 hour to 1 year); a warning and a ban last until lifted. */
    durationHours: z.number().int().min(1).max(24 * 366).optional(),
    /** A ban may also reject every comment of theirs that is visible or held. */
    rejectComments: z.boolean().optional(),
  })
  .strict()
  .refine((input) => input.kind !== "suspension" || input.durationHours !== undefined, {
    message: "moderation.people.durationRequired",
    path: ["durationHours"],
  });
export const liftSanctionInput = z.object({ sanctionId: z.string().min(1).max(64) }).strict();

export const sanctionViewSchema = z.object({
  id: z.string(),
  kind: sanctionKindSchema,
  reason: z.string(),
  note: z.string().nullable(),
  createdAt: z.date(),
  createdBy: z.object({ id: z.string(), name: z.string().nullable() }).nullable(),
  endsAt: z.date().nullable(),
  acknowledgedAt: z.date().nullable(),
  liftedAt: z.date().nullable(),
  /** In force now (not lifted, not ended; a warning until acknowledged). */
  active: z.boolean(),
});
export const addNoteInput = z.object({ userId: z.string().min(1).max(64), body: z.string().trim().min(1).max(2000) }).strict();

export const personOutput = z.object({
  user: z.object({ id: z.string(), name: z.string().nullable(), role: z.enum(["user", "moderator", "admin"]), joinedAt: z.date() }),
  commentCount: z.number().int(),
  rejectedCount: z.number().int(),
  heldCount: z.number().int(),
  reportsMade: z.object({ open: z.number().int(), upheld: z.number().int(), dismissed: z.number().int() }),
  /** Newest first. */
  sanctions: z.array(sanctionViewSchema),
  /** Private moderator notes, newest first. */
  notes: z.array(z.object({ id: z.string(), body: z.string(), author: z.object({ id: z.string(), name: z.string().nullable() }).nullable(), createdAt: z.date() })),
});

// Essay and site settings.

export const essaySlugInput = z.object({ slug: z.string().min(1).max(200).optional() }).strict().optional();
export const essaySettingsInput = z
  .object({
    slug: z.string().min(1).max(200).optional(),
    /** null unlocks; a string locks with that message for readers (may be empty). */
    lock: z.object({ message: z.string().trim().max(300) }).nullable().optional(),
    slowModeSeconds: z.number().int().min(0).max(24 * 3600).optional(),
    premoderateAll: z.boolean().optional(),
    /** null: never closes. */
    closeAt: z.date().nullable().optional(),
  })
  .strict();
export const essaySettingsOutput = z.object({
  slug: z.string(),
  lockedAt: z.date().nullable(),
  lockMessage: z.string().nullable(),
  slowModeSeconds: z.number().int(),
  premoderateAll: z.boolean(),
  closeAt: z.date().nullable(),
});
export const siteSettingsSchema = z.object({
  premoderateFirstN: z.number().int().min(0).max(100),
  flagHideThreshold: z.number().min(0.5).max(100),
  newAccountDays: z.number().int().min(0).max(365),
  newAccountLinkLimit: z.number().int().min(0).max(100),
});
export const siteSettingsInput = siteSettingsSchema.partial().strict();
