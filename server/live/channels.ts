/** Live channels: one per essay's comments, per poll, and per reader's notifications. */
export type LiveChannel = `comments:${string}` | `poll:${string}` | `notifications:${string}`;

export const commentsChannel = (essayId: string): LiveChannel => `comments:${essayId}`;
export const pollChannel = (pollId: string): LiveChannel => `poll:${pollId}`;
export const notificationsChannel = (userId: string): LiveChannel => `notifications:${userId}`;

const channelPattern = /^(comments|poll|notifications):[^\s]{1,200}$/;

export function isLiveChannel(value: unknown): value is LiveChannel {
  return typeof value === "string" && channelPattern.test(value);
}
