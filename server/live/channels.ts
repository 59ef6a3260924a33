/**
/**
 * Live channels: one per essay's comments, per poll, and per reader's notifications; one per
 * reader's sessions, which no browser hears: app servers observe it to drop the sessions they keep
 * (server/auth/session-changes.ts); and the moderators' (`moderation:queue`, for the console's live
 * counts; `moderation:watchlist`, which clears every server's compiled watched words).
 */
export type LiveChannel =
  | `comments:${string}`
  | `poll:${string}`
  | `notifications:${string}`
  | `sessions:${string}`
  | `moderation:${string}`;

export const commentsChannel = (essayId: string): LiveChannel => `comments:${essayId}`;
export const pollChannel = (pollId: string): LiveChannel => `poll:${pollId}`;
export const notificationsChannel = (userId: string): LiveChannel => `notifications:${userId}`;
export const sessionsChannel = (userId: string): LiveChannel => `sessions:${userId}`;
export const moderationQueueChannel: LiveChannel = "moderation:queue";
export const watchListChannel: LiveChannel = "moderation:watchlist";

const channelPattern = /^(comments|poll|notifications|sessions|moderation):[^\s]{1,200}$/;

export function isLiveChannel(value: unknown): value is LiveChannel {
  return typeof value === "string" && channelPattern.test(value);
}
