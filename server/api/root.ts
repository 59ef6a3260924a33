/** The app router: one line per domain router. */
import { createCallerFactory, createTRPCRouter } from "./trpc.ts";
import { essayRouter } from "./routers/essay/router.ts";
import { meRouter } from "./routers/me/router.ts";
import { pollsRouter } from "./routers/polls/router.ts";

export const appRouter = createTRPCRouter({
  essay: essayRouter,
  me: meRouter,
  polls: pollsRouter,
});

export type AppRouter = typeof appRouter;

export const createCaller = createCallerFactory(appRouter);
