/**
 * tRPC for server components (contract 7).
 *
 * - `getServerCaller(locale)` calls procedures directly (no HTTP), as an anonymous reader in the
 *   page's language. It reads no cookies or headers on purpose: pages that use it stay static and
 *   cacheable (contract 3). Per-reader data is fetched in the browser through me.get.
 * - `serverTrpc(locale)` + `<HydrateClient>` prefetch a query on the server and hand it to client
 *   components (tRPC 11 / TanStack Query: createTRPCOptionsProxy + HydrationBoundary), e.g.
 *   `void getQueryClient().prefetchQuery(serverTrpc(locale).essay.get.queryOptions({ slug }))`.
 *
 * Everything is wrapped in React's cache(): one context, caller and QueryClient per request.
 */
import "server-only";
import { cache, createElement, type ReactNode } from "react";
import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import { createTRPCOptionsProxy } from "@trpc/tanstack-react-query";
import { makeQueryClient } from "@/components/providers/query-client.ts";
import { getDb } from "@/server/db/index.ts";
import type { AppLocale } from "@/server/i18n/locales.ts";
import { appRouter, createCaller } from "./root.ts";
import type { Context } from "./trpc.ts";

/** The context of a page that is the same for every reader: nobody signed in, no request. */
export const createStaticContext = cache(
  async (locale: AppLocale): Promise<Context> => ({
    db: await getDb(),
    user: null,
    locale,
    request: { ip: null, userAgent: null },
    responseHeaders: null,
  }),
);

export const getServerCaller = cache(async (locale: AppLocale) => createCaller(await createStaticContext(locale)));

export const getQueryClient = cache(makeQueryClient);

export function serverTrpc(locale: AppLocale) {
  return createTRPCOptionsProxy({ router: appRouter, ctx: () => createStaticContext(locale), queryClient: getQueryClient });
}

/** Wrap client components that read prefetched queries. */
export function HydrateClient({ children }: { children: ReactNode }) {
  return createElement(HydrationBoundary, { state: dehydrate(getQueryClient()) }, children);
}
