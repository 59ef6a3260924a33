/**
 * The browser's single QueryClient and tRPC client. Several provider roots (the header's account
 * island, a page's form) share them, so signing out in the header clears what a form cached and
 * a form saving the display name refreshes the header.
 */
import type { QueryClient } from "@tanstack/react-query";
import { createTRPCClient, httpBatchLink, httpSubscriptionLink, splitLink, type TRPCClient } from "@trpc/client";
import superjson from "superjson";
import type { AppRouter } from "@/server/api/root.ts";
import { makeQueryClient } from "./query-client.ts";

let browserQueryClient: QueryClient | undefined;
let browserTrpcClient: TRPCClient<AppRouter> | undefined;

export function createAppTrpcClient(): TRPCClient<AppRouter> {
  return createTRPCClient<AppRouter>({
    links: [
      // Subscriptions (live.*) stream over server-sent events; everything else goes in batches.
      splitLink({
        condition: (op) => op.type === "subscription",
        true: httpSubscriptionLink({ url: "/api/trpc", transformer: superjson }),
        false: httpBatchLink({ url: "/api/trpc", transformer: superjson, maxURLLength: 2000 }),
      }),
    ],
  });
}

/** On the server a fresh client per call (never share readers' data); in the browser one per page life. */
export function getQueryClient(): QueryClient {
  if (typeof window === "undefined") return makeQueryClient();
  browserQueryClient ??= makeQueryClient();
  return browserQueryClient;
}

export function getTrpcClient(): TRPCClient<AppRouter> {
  if (typeof window === "undefined") return createAppTrpcClient();
  browserTrpcClient ??= createAppTrpcClient();
  return browserTrpcClient;
}
