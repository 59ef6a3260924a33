"use client";
/**
 * Where a poll sits on the essay page. Server-rendered as a fixed-height skeleton (the page is the
 * same for every reader); the card itself, with React Query and tRPC, is loaded with next/dynamic
 * only when the slot comes near the viewport, so the essay's first-load JavaScript does not grow.
 * Every card shares the browser's one QueryClient (components/providers/browser-clients.ts), so a
 * poll shown in two places stays in sync.
 */
import dynamic from "next/dynamic";
import { useEffect, useRef, useState } from "react";
import type { AbstractIntlMessages } from "next-intl";
import type { AppLocale } from "@/server/i18n/locales.ts";
import { readPendingVote, type PollDefinition } from "./poll-definition.ts";
import { PollSkeleton } from "./poll-skeleton.tsx";

const PollIsland = dynamic(() => import("./poll-island.tsx"), { ssr: false, loading: () => <PollSkeleton /> });

/** Start loading this far ahead of the reader (px): the card is usually ready when it scrolls in. */
const preloadMargin = "400px 0px";

export function PollSlot({
  poll,
  anchorId,
  locale,
  timeZone,
  messages,
  loadingLabel,
  uiLang,
}: {
  poll: PollDefinition;
  anchorId: string;
  locale: AppLocale;
  timeZone: string;
  messages: AbstractIntlMessages;
  loadingLabel: string;
  /** The interface language when it differs from the essay's (the card is inside <article lang="zh-CN">). */
  uiLang?: string;
}) {
  const ref = useRef<HTMLElement>(null);
  const [near, setNear] = useState(false);

  useEffect(() => {
    // A vote to replay after sign-in: load at once, wherever the reader is.
    if (readPendingVote(window.location.search, poll.key)) {
      setNear(true);
      return;
    }
    const element = ref.current;
    if (!element || typeof IntersectionObserver === "undefined") {
      setNear(true);
      return;
    }
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((entry) => entry.isIntersecting)) {
          setNear(true);
          observer.disconnect();
        }
      },
      { rootMargin: preloadMargin },
    );
    observer.observe(element);
    return () => observer.disconnect();
  }, [poll.key]);

  return (
    <section
      ref={ref}
      id={anchorId}
      aria-label={poll.question}
      aria-busy={near ? undefined : true}
      data-testid={`poll-${poll.key}`}
      lang={uiLang}
      className="my-[1.6em] min-h-[24rem] scroll-mt-24 text-left text-base [text-justify:auto]"
    >
      {near ? <PollIsland poll={poll} locale={locale} timeZone={timeZone} messages={messages} /> : <PollSkeleton label={loadingLabel} />}
    </section>
  );
}
