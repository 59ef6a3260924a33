"use client";
/**
 * Where the permalink page's thread sits: the server HTML (permalink-static.tsx, passed as
 * children) until the browser has mounted, then the interactive thread in its place, starting from
 * the same data. Rendering the interactive thread on the server too would not hydrate: its times
 * are relative to "now" and its composers read drafts from this browser's storage.
 */
import { useEffect, useState, type ReactNode } from "react";
import type { CommentThread } from "@/server/api/routers/comments/schemas.ts";
import type { AppLocale } from "@/server/i18n/locales.ts";
import { PermalinkThread } from "./permalink-thread.tsx";

export function PermalinkSlot({ thread, essayHref, locale, children }: { thread: CommentThread; essayHref: string; locale: AppLocale; children: ReactNode }) {
  const [mounted, setMounted] = useState(false);
  useEffect(() => setMounted(true), []);
  return mounted ? <PermalinkThread thread={thread} essayHref={essayHref} locale={locale} /> : children;
}
