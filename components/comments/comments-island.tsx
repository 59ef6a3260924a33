"use client";
/**
 * The lazily loaded part of the comment section: translations, tRPC/React Query, the section
 * state and the section. Its own chunk (comments-slot.tsx imports it on demand), so none of it
 * weighs on the essay's first load.
 */
import { NextIntlClientProvider, type AbstractIntlMessages } from "next-intl";
import { useEffect, useState } from "react";
import { TrpcReactProvider } from "@/components/providers/trpc-provider.tsx";
import type { CommentsPage } from "@/server/api/routers/comments/schemas.ts";
import type { AppLocale } from "@/server/i18n/locales.ts";
import { CommentsProvider } from "./comments-context.tsx";
import { CommentsSection } from "./comments-section.tsx";
import { ParagraphFilterSwitch } from "./paragraph/paragraph-filter-switch.tsx";

export interface CommentsIslandProps {
  slug: string;
  locale: AppLocale;
  timeZone: string;
  messages: AbstractIntlMessages;
  initialPage: CommentsPage | null;
}

/** "#comment-<id>" → the id. */
function focusFromHash(hash: string): string | null {
  const match = /^#comment-([A-Za-z0-9_-]{1,64})$/.exec(hash);
  return match?.[1] ?? null;
}

export default function CommentsIsland({ slug, locale, timeZone, messages, initialPage }: CommentsIslandProps) {
  const [focusId, setFocusId] = useState(() => focusFromHash(window.location.hash));
  // A link to another comment followed on this page (a notification, a pasted permalink).
  useEffect(() => {
    const follow = () => {
      const id = focusFromHash(window.location.hash);
      if (id) setFocusId(id);
    };
    window.addEventListener("hashchange", follow);
    return () => window.removeEventListener("hashchange", follow);
  }, []);
  return (
    <NextIntlClientProvider locale={locale} timeZone={timeZone} messages={messages}>
      <TrpcReactProvider>
        <CommentsProvider slug={slug} locale={locale} highlightId={focusId}>
          <ParagraphFilterSwitch slug={slug}>
            <CommentsSection initialPage={initialPage} focusId={focusId} />
          </ParagraphFilterSwitch>
        </CommentsProvider>
      </TrpcReactProvider>
    </NextIntlClientProvider>
  );
}
