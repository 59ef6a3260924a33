"use client";
/** The lazily loaded part of a poll slot: its translations, tRPC/React Query, and the card. */
import { NextIntlClientProvider, type AbstractIntlMessages } from "next-intl";
import { TrpcReactProvider } from "@/components/providers/trpc-provider.tsx";
import type { AppLocale } from "@/server/i18n/locales.ts";
import { PollCard } from "./poll-card.tsx";
import type { PollDefinition } from "./poll-definition.ts";

export default function PollIsland({
  poll,
  locale,
  timeZone,
  messages,
}: {
  poll: PollDefinition;
  locale: AppLocale;
  timeZone: string;
  messages: AbstractIntlMessages;
}) {
  return (
    <NextIntlClientProvider locale={locale} timeZone={timeZone} messages={messages}>
      <TrpcReactProvider>
        <PollCard poll={poll} />
      </TrpcReactProvider>
    </NextIntlClientProvider>
  );
}
