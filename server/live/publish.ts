/**
 * Publishing a live event (server/live): what writers call after their transaction commits.
 * PLACEHOLDER until server/live lands: publishes nowhere.
 */
import type { Db } from "@/server/db/client.ts";

export type LiveChannel = `comments:${string}` | `poll:${string}` | `notifications:${string}`;

export const commentsChannel = (essayId: string): LiveChannel => `comments:${essayId}`;
export const pollChannel = (pollId: string): LiveChannel => `poll:${pollId}`;
export const notificationsChannel = (userId: string): LiveChannel => `notifications:${userId}`;

/** Publishes `payload` (JSON) on `channel` to every subscriber on every app server. */
export async function publishLiveEvent(_db: Db, _channel: LiveChannel, _payload: object): Promise<void> {}
