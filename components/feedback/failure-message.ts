/**
 * What to tell the reader when a request failed: the server's own message (tRPC errors arrive
 * translated into the reader's language), or `fallback` when the server never answered — a
 * dropped connection surfaces as the browser's "Failed to fetch", which no reader should see.
 */
import { TRPCClientError } from "@trpc/client";

export function failureMessage(error: unknown, fallback: string): string {
  if (error instanceof TRPCClientError && error.shape && typeof error.message === "string" && error.message) return error.message;
  return fallback;
}
