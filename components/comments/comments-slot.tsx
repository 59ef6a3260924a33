"use client";
/**
 * Where the comment section sits on the essay page (#comments). The server renders the first
 * page as plain HTML (comments-static.tsx, passed as children), readable before any script runs;
 * the interactive section (comments-island.tsx: React Query, tRPC, the composer, live updates) is
 * a separate chunk, imported when the section comes near the viewport, or at once for a link into
 * it (#comments, #comment-<id>, ?sort=). It then takes the place of the static HTML, starting from
 * the same data.
 */
import { useEffect, useRef, useState, type ComponentType, type ReactNode } from "react";
import type { CommentsIslandProps } from "./comments-island.tsx";
import { paragraphFilterEvent, paragraphParam } from "./paragraph/paragraph-filter.ts";

/** Start loading this far ahead of the reader: the section is usually ready when it scrolls in. */
const preloadMargin = "800px 0px";

function linksIntoComments(): boolean {
  const search = new URLSearchParams(window.location.search);
  return /^#comment/.test(window.location.hash) || search.has("sort") || search.has(paragraphParam);
}

export function CommentsSlot({ children, uiLang, ...island }: CommentsIslandProps & { children: ReactNode; uiLang?: string }) {
  const ref = useRef<HTMLElement>(null);
  const [Island, setIsland] = useState<ComponentType<CommentsIslandProps> | null>(null);

  useEffect(() => {
    let cancelled = false;
    let started = false;
    const load = () => {
      if (started) return;
      started = true;
      void import("./comments-island.tsx").then((module) => {
        if (!cancelled) setIsland(() => module.default);
      });
    };
    const onHash = () => {
      if (linksIntoComments()) load();
    };
    window.addEventListener("hashchange", onHash);
    window.addEventListener(paragraphFilterEvent, onHash);
    const element = ref.current;
    let observer: IntersectionObserver | null = null;
    if (linksIntoComments() || !element || typeof IntersectionObserver === "undefined") {
      load();
    } else {
      observer = new IntersectionObserver(
        (entries) => {
          if (entries.some((entry) => entry.isIntersecting)) load();
        },
        { rootMargin: preloadMargin },
      );
      observer.observe(element);
    }
    return () => {
      cancelled = true;
      observer?.disconnect();
      window.removeEventListener("hashchange", onHash);
      window.removeEventListener(paragraphFilterEvent, onHash);
    };
  }, []);

  return (
    <section
      ref={ref}
      id="comments"
      aria-labelledby="comments-title"
      data-testid="comments"
      data-ready={Island ? "" : undefined}
      lang={uiLang}
      className="mt-16 scroll-mt-20 border-t border-line pt-10"
    >
      {Island ? <Island {...island} /> : children}
    </section>
  );
}
