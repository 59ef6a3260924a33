/**
 * What happened to comments since the pages on screen were fetched: the reader's own new
 * comments, live events (created, edited, deleted, scores) and votes. Pages stay as the server sent
 * them; every comment shown is read through this state (commentAsShown), so an edit or a score
 * reaches the comment wherever it sits: a top-level page, a reply loaded on demand, a thread.
 *
 * New top-level comments from others wait in `topPending` behind the "N new comments" button, so
 * the text never moves under the reader; replies go in place, below their parent.
 */
import type { CommentEvent, CommentView } from "@/server/api/routers/comments/schemas.ts";

export interface CommentsState {
  /** Newer fields of comments, by id. */
  patches: ReadonlyMap<string, Partial<CommentView>>;
  /** Deleted without replies: no longer shown. */
  gone: ReadonlySet<string>;
  /** Replies that arrived after their parent's replies were loaded, oldest first, by parent id. */
  addedReplies: ReadonlyMap<string, readonly CommentView[]>;
  /** Replies added to a comment's count since it was fetched, by id. */
  replyDelta: ReadonlyMap<string, number>;
  /** New top-level comments shown above the list, newest first: the reader's own, and revealed ones. */
  topAdded: readonly CommentView[];
  /** New top-level comments by others, waiting behind the button. */
  topPending: readonly CommentView[];
  /** Change of the total count since the first page was fetched. */
  countDelta: number;
  /** Ids of new comments already placed (the reader's own arrives twice: response and event). */
  placed: ReadonlySet<string>;
  /** Comments the reader has reported (comments.myReports, and reports sent from this page). */
  reported: ReadonlySet<string>;
}

export type CommentsAction =
  | { type: "event"; event: CommentEvent }
  | { type: "own-created"; comment: CommentView }
  | { type: "own-edited"; comment: CommentView }
  | { type: "own-deleted"; commentId: string; outcome: "tombstone" | "gone" }
  | { type: "voted"; commentId: string; score: number; viewer: CommentView["viewer"] }
  /** The reader's own held and removed comments (comments.mine), shown to them where they belong. */
  | { type: "own-moderated"; comments: readonly CommentView[] }
  | { type: "reported"; commentIds: readonly string[] }
  /** Shows the waiting comments: all of them, or (in the paragraph view) only those about one paragraph. */
  | { type: "reveal"; paragraphKey?: string }
  | { type: "reset" };

export const initialCommentsState: CommentsState = {
  patches: new Map(),
  gone: new Set(),
  addedReplies: new Map(),
  replyDelta: new Map(),
  topAdded: [],
  topPending: [],
  countDelta: 0,
  placed: new Set(),
  reported: new Set(),
};

export function commentsReducer(state: CommentsState, action: CommentsAction): CommentsState {
  switch (action.type) {
    case "reset":
      return initialCommentsState;
    case "reveal": {
      const shown = state.topPending.filter((comment) => isAbout(comment, action.paragraphKey));
      if (shown.length === 0) return state;
      return { ...state, topAdded: [...shown, ...state.topAdded], topPending: state.topPending.filter((comment) => !shown.includes(comment)) };
    }
    case "own-created":
      return action.comment.moderation ? placeModerated(state, action.comment) : placeNew(state, action.comment, true);
    case "own-edited":
      return patch(revive(state, action.comment), action.comment.id, editedFields(action.comment, true));
    case "own-deleted":
      return deleted(state, action.commentId, action.outcome);
    case "voted":
      return patch(state, action.commentId, { score: action.score, viewer: action.viewer });
    case "own-moderated":
      return action.comments.reduce(placeModerated, state);
    case "reported": {
      const fresh = action.commentIds.filter((id) => !state.reported.has(id));
      if (fresh.length === 0) return state;
      return { ...state, reported: new Set([...state.reported, ...fresh]) };
    }
    case "event":
      return applyEvent(state, action.event);
  }
}

function applyEvent(state: CommentsState, event: CommentEvent): CommentsState {
  switch (event.type) {
    case "created":
      return placeNew(state, event.comment, false);
    case "edited":
      return patch(state, event.comment.id, editedFields(event.comment, false));
    case "deleted":
      return deleted(state, event.commentId, event.outcome, event.accountDeleted);
    case "scores": {
      // One copy of the patches for the whole batch (up to 100 comments), not one per comment.
      const patches = new Map(state.patches);
      for (const { commentId, score } of event.scores) patches.set(commentId, { ...patches.get(commentId), score });
      return { ...state, patches };
    }
  }
}

function placeNew(state: CommentsState, comment: CommentView, own: boolean): CommentsState {
  // The author's held comment, approved: it is announced as new to everyone, the author included.
  if (!own && isModerated(state, comment.id)) return patch(state, comment.id, { moderation: undefined, status: comment.status, bodyHtml: comment.bodyHtml });
  if (state.placed.has(comment.id)) {
    // The event came before the response to the reader's own submit: bring it out from behind the button.
    if (own && state.topPending.some((pending) => pending.id === comment.id)) {
      return {
        ...state,
        topPending: state.topPending.filter((pending) => pending.id !== comment.id),
        topAdded: [comment, ...state.topAdded],
      };
    }
    return own ? patch(state, comment.id, { viewer: comment.viewer }) : state;
  }
  const placed = new Set(state.placed).add(comment.id);
  const countDelta = state.countDelta + 1;
  if (comment.parentId === null) {
    return own
      ? { ...state, placed, countDelta, topAdded: [comment, ...state.topAdded] }
      : { ...state, placed, countDelta, topPending: [comment, ...state.topPending] };
  }
  const addedReplies = new Map(state.addedReplies);
  addedReplies.set(comment.parentId, [...(state.addedReplies.get(comment.parentId) ?? []), comment]);
  const replyDelta = new Map(state.replyDelta);
  replyDelta.set(comment.parentId, (state.replyDelta.get(comment.parentId) ?? 0) + 1);
  return { ...state, placed, countDelta, addedReplies, replyDelta };
}

/** An edit event carries no viewer (it is the same for everyone): keep the reader's own. */
function editedFields(comment: CommentView, own: boolean): Partial<CommentView> {
  const fields: Partial<CommentView> = { bodyHtml: comment.bodyHtml, editedAt: comment.editedAt, status: comment.status };
  if (own) {
    fields.viewer = comment.viewer;
    fields.moderation = comment.moderation;
  }
  return fields;
}

/**
 * One of the reader's own comments that others do not see (held, or removed by a moderator):
 * placed like the reader's new comment (top-level above the list, a reply under its parent), each
 * once, and not counted (nobody else sees it). Where a page already shows it (a removed comment
 * kept as a tombstone for its replies), the patch shows its text and why to its author.
 */
function placeModerated(state: CommentsState, comment: CommentView): CommentsState {
  const revived = revive(state, comment);
  const patched = patch(revived, comment.id, { status: comment.status, bodyHtml: comment.bodyHtml, author: comment.author, moderation: comment.moderation, viewer: comment.viewer });
  if (state.placed.has(comment.id)) return patched;
  const placed = new Set(state.placed).add(comment.id);
  if (comment.parentId === null) return { ...patched, placed, topAdded: [comment, ...patched.topAdded] };
  const addedReplies = new Map(patched.addedReplies);
  addedReplies.set(comment.parentId, [...(patched.addedReplies.get(comment.parentId) ?? []), comment]);
  return { ...patched, placed, addedReplies };
}

/** Held or removed, as its author sees it. */
function isModerated(state: CommentsState, commentId: string): boolean {
  const fields = state.patches.get(commentId);
  return fields !== undefined && "moderation" in fields && fields.moderation !== undefined;
}

/** The author's own moderated comment comes back if its "left the thread" event arrived first. */
function revive(state: CommentsState, comment: CommentView): CommentsState {
  if (!comment.moderation || !state.gone.has(comment.id)) return state;
  const gone = new Set(state.gone);
  gone.delete(comment.id);
  return { ...state, gone };
}

function deleted(state: CommentsState, commentId: string, outcome: "tombstone" | "gone", accountDeleted?: true): CommentsState {
  // A held edit leaves everyone's thread as a deletion does; its author keeps it, marked.
  if (isModerated(state, commentId)) return state;
  if (outcome === "tombstone") return patch(state, commentId, { status: "deleted", bodyHtml: null, author: null, ...(accountDeleted ? { accountDeleted } : {}) });
  if (state.gone.has(commentId)) return state;
  return { ...state, gone: new Set(state.gone).add(commentId), countDelta: state.countDelta - 1 };
}

function patch(state: CommentsState, commentId: string, fields: Partial<CommentView>): CommentsState {
  const patches = new Map(state.patches);
  patches.set(commentId, { ...state.patches.get(commentId), ...fields });
  return { ...state, patches };
}

/** A comment as it should be shown now: the fetched one with everything that happened since; null once gone. */
export function commentAsShown<T extends CommentView>(state: CommentsState, comment: T): T | null {
  if (state.gone.has(comment.id)) return null;
  const fields = state.patches.get(comment.id);
  const delta = state.replyDelta.get(comment.id) ?? 0;
  if (!fields && delta === 0) return comment;
  const merged = { ...comment, ...fields };
  return { ...merged, replyCount: merged.replyCount + delta };
}

/** Replies to show under a parent: the loaded ones, then the ones added since, each once. */
export function mergeReplies<T extends CommentView>(loaded: readonly T[], added: readonly CommentView[] | undefined): Array<T | CommentView> {
  if (!added?.length) return [...loaded];
  const ids = new Set(loaded.map((reply) => reply.id));
  return [...loaded, ...added.filter((reply) => !ids.has(reply.id))];
}

/** True for any comment when `paragraphKey` is undefined (the whole essay), else when it is about that paragraph. */
export function isAbout(comment: CommentView, paragraphKey: string | undefined): boolean {
  return paragraphKey === undefined || comment.paragraph?.key === paragraphKey;
}

/**
 * The comments waiting behind the "N new comments" button of a view (the whole essay, or one
 * paragraph), newest first, leaving out any the view's own pages already hold (a page fetched
 * after the event, e.g. when the reader switched views).
 */
export function pendingFor(state: CommentsState, paragraphKey: string | undefined, listed: ReadonlySet<string>): CommentView[] {
  return state.topPending.filter((comment) => isAbout(comment, paragraphKey) && !listed.has(comment.id));
}
