"use client";
/**
 * React Query + tRPC for the client components below it (useTRPC from ./trpc.ts). Requests go to
 * /api/trpc in batches, with superjson so Dates survive the trip.
 *
 * Not in the root layout on purpose: the essay page needs none of it before the header's account
 * island loads, and leaving it out keeps React Query out of the page's first-load JavaScript.
 * Pages that need it wrap their client components in <ClientProviders> (app-providers.tsx).
 *
 * No zod in the browser: client code imports schemas as types only, and live events are checked
 * by hand (components/comments/comment-event.ts). zod 4 would add about 100 kB to the chunk and
 * probe `new Function` for its JIT, which our Content-Security-Policy reports as a violation.
 */
import { QueryClientProvider } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { getQueryClient, getTrpcClient } from "./browser-clients.ts";
import { TRPCProvider } from "./trpc.ts";

export function TrpcReactProvider({ children }: { children: ReactNode }) {
  const queryClient = getQueryClient();
  const trpcClient = getTrpcClient();
  return (
    <QueryClientProvider client={queryClient}>
      <TRPCProvider trpcClient={trpcClient} queryClient={queryClient}>
        {children}
      </TRPCProvider>
    </QueryClientProvider>
  );
}
