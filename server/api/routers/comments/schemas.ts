/**
 * zod input and output schemas of the comment procedures: the contract between the server
 * (server/api/routers/comments, server/comments) and the comment section (components/comments).
 *
 * Limits on the body (1–10,000 characters after normalization) are checked in the handler after
 * NFC normalization and stripping (server/comments/body.ts); the schema bounds only the request
 * so a hostile body is never normalized at any size.
 */
import { z } from "zod";
import { slugSchema } from "@/server/api/routers/essay/schemas.ts";

export const commentIdSchema = z.string().min(1).max(64);
/** A paragraph key of the essay (the `p-<key>` anchor without its prefix). */
export const paragraphKeySchema = z.string().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/);
/**
 * Bounds the raw request; the real limit is checked after normalization (comments.bodyTooLong,
 * with the numbers). A zod message carries no parameters, hence its own key.
 */
export const rawBodySchema = z.string().max(20_000, { message: "comments.requestTooLong" });

export const commentSortSchema = z.enum(["top", "newest", "oldest"]);
export type CommentSort = z.infer<typeof commentSortSchema>;

/** Opaque to clients: the server encodes the sort key of the last item it returned. */
export const cursorSchema = z.string().min(1).max(200);
const pageLimitSchema = z.number().int().min(1).max(50).default(20);
/**
 * What tRPC's infinite queries add to the input (useInfiniteQuery in components/comments): the
 * page's cursor, null for the first page, and a direction. Accepted so the strict inputs take
 * them; only "forward" paging exists.
 */
const pageCursorSchema = cursorSchema.nullish();
const pageDirectionSchema = z.enum(["forward", "backward"]).optional();

export const commentsListInput = z
  .object({
    /** The essay; the default essay when absent. */
    slug: slugSchema.optional(),
    sort: commentSortSchema.default("top"),
    /** Only comments about this paragraph. */
    paragraphKey: paragraphKeySchema.optional(),
    cursor: pageCursorSchema,
    direction: pageDirectionSchema,
    limit: pageLimitSchema,
  })
  .strict();
export type CommentsListInput = z.input<typeof commentsListInput>;

export const commentsRepliesInput = z
  .object({ parentId: commentIdSchema, cursor: pageCursorSchema, direction: pageDirectionSchema, limit: pageLimitSchema })
  .strict();

export const commentIdInput = z.object({ commentId: commentIdSchema }).strict();

export const commentCreateInput = z
  .object({
    slug: slugSchema.optional(),
    /** A reply; absent for a top-level comment. */
    parentId: commentIdSchema.optional(),
    /** A top-level comment about one paragraph of the essay. */
    paragraphKey: paragraphKeySchema.optional(),
    body: rawBodySchema,
  })
  .strict();
export type CommentCreateInput = z.infer<typeof commentCreateInput>;

export const commentEditInput = z.object({ commentId: commentIdSchema, body: rawBodySchema }).strict();
export const commentVoteInput = z
  .object({
    commentId: commentIdSchema,
    /** The state the reader wants (idempotent, so a double click or a retry cannot double-count). */
    upvoted: z.boolean(),
  })
  .strict();
export const commentPreviewInput = z.object({ body: rawBodySchema }).strict();

const localizedTextSchema = z.object({ zh: z.string(), en: z.string() });

export const commentAuthorSchema = z.object({
  id: z.string(),
  /** The display name, or null when the author has not chosen one (the page shows a fallback). */
  name: z.string().nullable(),
  isModerator: z.boolean(),
  /** The author's answer to the essay's main poll, when they chose to show it. */
  pollBadge: z.object({ optionKey: z.string(), label: localizedTextSchema }).nullable(),
});

export const commentViewSchema = z.object({
  id: z.string(),
  parentId: z.string().nullable(),
  rootId: z.string(),
  depth: z.number().int(),
  paragraph: z.object({ key: z.string(), quote: z.string() }).nullable(),
  /** "deleted" and "removed" comments are tombstones: no body, no author. */
  status: z.enum(["visible", "deleted", "removed"]),
  /** Sanitized HTML (server/comments/markdown); null for a tombstone. */
  bodyHtml: z.string().nullable(),
  author: commentAuthorSchema.nullable(),
  score: z.number().int(),
  /** Direct replies a reader can see (tombstones with replies included). */
  replyCount: z.number().int(),
  createdAt: z.date(),
  /** Set once an edit after the grace period marks the comment "edited" (its history is public). */
  editedAt: z.date().nullable(),
  /**
   * Only in its author's own views (comments.mine, and create/edit answers) of a comment others do
   * not see: "held" (awaiting review; status is "visible" and the text is there) or "removed"
   * (rejected by a moderator; the text is there for its author only), with the reason code
   * (docs/moderation.md) and the moderator's note. Absent everywhere else.
   */
  moderation: z
    .object({ state: z.enum(["held", "removed"]), reason: z.string().nullable(), note: z.string().nullable() })
    .optional(),
  /** A tombstone whose author deleted their account: shown as "[deleted user]". Absent otherwise. */
  accountDeleted: z.literal(true).optional(),
  /** What the reader asking may do and has done; null for a signed-out reader. */
  viewer: z
    .object({ upvoted: z.boolean(), isAuthor: z.boolean(), canEdit: z.boolean(), canDelete: z.boolean() })
    .nullable(),
});
export type CommentView = z.infer<typeof commentViewSchema>;

/** A comment with the first few of its direct replies (oldest first); the rest load by cursor. */
export type CommentWithReplies = CommentView & { replies: CommentView[] };
export const commentWithRepliesSchema: z.ZodType<CommentWithReplies> = commentViewSchema.extend({
  replies: z.array(commentViewSchema),
});

export const commentsListOutput = z.object({
  items: z.array(commentWithRepliesSchema),
  nextCursor: z.string().nullable(),
  /** Comments a reader can see on the essay (or on the paragraph, when filtered), replies included. */
  totalCount: z.number().int(),
});
export type CommentsPage = z.infer<typeof commentsListOutput>;

export const commentsRepliesOutput = z.object({ items: z.array(commentWithRepliesSchema), nextCursor: z.string().nullable() });

/** A comment in context: its essay, the chain of ancestors (root first), and its first replies. */
export const commentThreadOutput = z.object({
  essay: z.object({ slug: z.string(), title: z.string() }),
  ancestors: z.array(commentViewSchema),
  comment: commentViewSchema,
  replies: commentsRepliesOutput,
});
export type CommentThread = z.infer<typeof commentThreadOutput>;

export const commentHistoryOutput = z.object({
  commentId: z.string(),
  /** Earlier texts, oldest first; each with the time it was replaced. The current text is not repeated. */
  revisions: z.array(z.object({ bodyHtml: z.string(), replacedAt: z.date() })),
});

export const commentVoteOutput = z.object({ commentId: z.string(), score: z.number().int(), upvoted: z.boolean() });
export const commentDeleteOutput = z.object({
  commentId: z.string(),
  /** "tombstone": it keeps its place for its replies; "gone": it had none and disappears. */
  outcome: z.enum(["tombstone", "gone"]),
});
export const commentPreviewOutput = z.object({ html: z.string() });
/**
 * comments.source({ commentId }) → the Markdown the author wrote, for the inline editor (views
 * carry only bodyHtml). Only for someone who may edit it (viewer.canEdit); others get FORBIDDEN.
 */
export const commentSourceOutput = z.object({ commentId: z.string(), body: z.string() });
/** What a reader may report a comment for; "other" needs a few words of text. */
export const reportReasonSchema = z.enum(["spam", "harassment", "hate", "off_topic", "illegal", "other"]);
export const commentReportInput = z
  .object({
    commentId: commentIdSchema,
    reason: reportReasonSchema,
    /** Up to 500 characters; required for "other". */
    text: z.string().max(500, { message: "moderation.comments.reportTextTooLong" }).optional(),
  })
  .strict();
export type CommentReportInput = z.infer<typeof commentReportInput>;
export const commentReportOutput = z.object({ commentId: z.string(), reported: z.literal(true) });
/** comments.myReports({ slug? }): ids of the essay's comments the reader has reported. */
export const myReportsOutput = z.object({ commentIds: z.array(z.string()) });

/** comments.mine({ slug? }): the reader's own held and removed comments, each with `moderation`. */
export const myCommentsInput = z.object({ slug: slugSchema.optional() }).strict().optional();
export const myCommentsOutput = z.object({ items: z.array(commentViewSchema) });

/** Visible comments per paragraph key (only keys with at least one). */
export const paragraphCountsOutput = z.record(z.string(), z.number().int());
export const paragraphCountsInput = z.object({ slug: slugSchema.optional() }).strict().optional();

/** What the live subscription sends for an essay's comments (server/live). */
export const commentEventSchema = z.discriminatedUnion("type", [
  /**
   * A new comment; viewer is null (the client knows who it is). paragraphKey: the paragraph its
   * thread is about, so the essay's margin can count a reply too (a reply's view has no paragraph).
   */
  z.object({ type: z.literal("created"), comment: commentViewSchema, paragraphKey: paragraphKeySchema.optional() }),
  z.object({ type: z.literal("edited"), comment: commentViewSchema }),
  /** paragraphKey: set when a comment that leaves the count ("gone") was in a thread about a paragraph. */
  z.object({
    type: z.literal("deleted"),
    commentId: z.string(),
    outcome: z.enum(["tombstone", "gone"]),
    paragraphKey: paragraphKeySchema.optional(),
    /** The tombstone of an account its author deleted: shown as "[deleted user]". */
    accountDeleted: z.literal(true).optional(),
  }),
  /** The current scores of the comments voted on in the last quarter second (server/live/score-events.ts). */
  z.object({ type: z.literal("scores"), scores: z.array(z.object({ commentId: z.string(), score: z.number().int() })).min(1) }),
]);
export type CommentEvent = z.infer<typeof commentEventSchema>;
