/**
 * What the comment router tests share: a fresh database per test file (with an essay of its own
 * for comments), a caller per reader, and refusals reduced to what the reader is told.
 */
import { afterAll, beforeAll } from "vitest";
import type { SessionUser } from "@/server/auth/session-user.ts";
import type { Db } from "@/server/db/client.ts";
import type { AppLocale } from "@/server/i18n/locales.ts";
import { createTestCaller } from "@/server/test/caller.ts";
import { createTestDatabase } from "@/server/test/database.ts";
import { refusal as readerRefusal } from "@/server/test/refusal.ts";
import { commentsChannel } from "@/server/live/channels.ts";
import { decodeLivePayload } from "@/server/live/event-store.ts";
import { createCommentEssay } from "./comment-fixture.ts";

export interface CommentTestContext {
  db: Db;
  essay: { id: string; slug: string };
}

/** Registers beforeAll/afterAll; read the context inside tests (it is filled before they run). */
export function useCommentTestDatabase(setup: (db: Db) => Promise<void> = async () => {}): CommentTestContext {
  const context = {} as CommentTestContext;
  let close: () => Promise<void>;
  beforeAll(async () => {
    ({ db: context.db, close } = await createTestDatabase());
    await setup(context.db);
    context.essay = await createCommentEssay(context.db);
  });
  afterAll(async () => {
    await close();
  });
  return context;
}

export const callerOn = (db: Db) => (user: SessionUser | null, locale: AppLocale = "zh") => createTestCaller({ db, user, locale });

/** The code and the message the reader is told. */
export async function refusal(run: () => Promise<unknown>, locale: AppLocale = "zh") {
  const { code, message } = await readerRefusal(run, locale);
  return { code, message };
}

/** The last `count` events published on the essay's comment channel, oldest first, decoded. */
export async function lastCommentEvents(db: Db, essayId: string, count = 1): Promise<unknown[]> {
  const rows = await db.liveEvent.findMany({ where: { channel: commentsChannel(essayId) }, orderBy: { id: "desc" }, take: count, select: { payload: true } });
  return rows.map((row) => decodeLivePayload(row.payload)).reverse();
}
