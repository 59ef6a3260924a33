/**
 * Live channels: one per essay's comments, per poll, and per reader's notifications; and the
 * moderators' (`moderation:queue`, for the console's live counts; `moderation:watchlist`, which
 * clears every server's compiled watched words).
 */
export type LiveChannel = `comments:${string}` | `poll:${string}` | `notifications:${string}` | `moderation:${string}`;

export const commentsChannel = (essayId: string): LiveChannel => `comments:${essayId}`;
export const pollChannel = (pollId: string): LiveChannel => `poll:${pollId}`;
export const notificationsChannel = (userId: string): LiveChannel => `notifications:${userId}`;
export const moderationQueueChannel: LiveChannel = "moderation:queue";
export const watchListChannel: LiveChannel = "moderation:watchlist";

const channelPattern = /^(comments|poll|notifications|moderation):[^\s]{1,200}$/;

export function isLiveChannel(value: unknown): value is LiveChannel {
  return typeof value === "string" && channelPattern.test(value);
}
