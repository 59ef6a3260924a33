"use client";
/**
 * The tRPC hooks for client components: `const trpc = useTRPC()` then
 * `useQuery(trpc.me.get.queryOptions())` / `useMutation(trpc.me.update.mutationOptions())`.
 */
import { createTRPCContext } from "@trpc/tanstack-react-query";
import type { AppRouter } from "@/server/api/root.ts";

export const { TRPCProvider, useTRPC, useTRPCClient } = createTRPCContext<AppRouter>();
