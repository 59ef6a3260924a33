/** The live procedures (placeholder: filled in by the work on issue 4/5). */
import { createTRPCRouter } from "@/server/api/trpc.ts";

export const liveRouter = createTRPCRouter({});
