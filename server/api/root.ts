/** The app router: one line per domain router. */
import { createCallerFactory, createTRPCRouter } from "./trpc.ts";
import { essayRouter } from "./routers/essay/router.ts";
import { meRouter } from "./routers/me/router.ts";
import { pollsRouter } from "./routers/polls/router.ts";
import { commentsRouter } from "./routers/comments/router.ts";
import { notificationsRouter } from "./routers/notifications/router.ts";
import { liveRouter } from "./routers/live/router.ts";
import { moderationRouter } from "./routers/moderation/router.ts";
import { watchedWordsRouter } from "./routers/watched-words/router.ts";
import { staffRouter } from "./routers/staff/router.ts";

export const appRouter = createTRPCRouter({
  essay: essayRouter,
  me: meRouter,
  polls: pollsRouter,
  comments: commentsRouter,
  notifications: notificationsRouter,
  live: liveRouter,
  moderation: moderationRouter,
  watchedWords: watchedWordsRouter,
  staff: staffRouter,
});

export type AppRouter = typeof appRouter;

export const createCaller = createCallerFactory(appRouter);
