"use client";
/**
 * False in the server's HTML and during hydration, true once React runs in the browser. A form
 * whose fields are React state disables them until then: text typed into the server's HTML before
 * hydration would be replaced by the state's empty value, and a reader's typing silently lost.
 */
import { useSyncExternalStore } from "react";

const subscribe = () => () => {};

export function useHydrated(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => true,
    () => false,
  );
}
