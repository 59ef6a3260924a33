/**
 * Live channels: one per essay's comments, per poll, and per reader's notifications; and one per
 * reader's sessions, which no browser hears: app servers observe it to drop the sessions they keep
 * (server/auth/session-changes.ts).
 */
export type LiveChannel = `comments:${string}` | `poll:${string}` | `notifications:${string}` | `sessions:${string}`;

export const commentsChannel = (essayId: string): LiveChannel => `comments:${essayId}`;
export const pollChannel = (pollId: string): LiveChannel => `poll:${pollId}`;
export const notificationsChannel = (userId: string): LiveChannel => `notifications:${userId}`;
export const sessionsChannel = (userId: string): LiveChannel => `sessions:${userId}`;

const channelPattern = /^(comments|poll|notifications|sessions):[^\s]{1,200}$/;

export function isLiveChannel(value: unknown): value is LiveChannel {
  return typeof value === "string" && channelPattern.test(value);
}
