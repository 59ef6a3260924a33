/**
 * What client components of a page need from above, opt-in per page: translations (only the
 * namespaces they use) and tRPC/React Query.
 *
 * The root layout provides neither, to keep the essay page's first-load JavaScript small (no
 * message formatter, no React Query until the header's account island loads after hydration).
 * Wrap a page's interactive part:
 *   <ClientProviders locale={locale} namespaces={["auth"]}>…</ClientProviders>
 * ("common" is always included).
 */
import { NextIntlClientProvider } from "next-intl";
import type { ReactNode } from "react";
import type { AppLocale } from "@/server/i18n/locales.ts";
import { timeZone } from "@/server/i18n/request.ts";
import { pickMessages, type Namespace } from "@/messages/index.ts";
import { TrpcReactProvider } from "./trpc-provider.tsx";

export function ClientProviders({ locale, namespaces = [], children }: { locale: AppLocale; namespaces?: Namespace[]; children: ReactNode }) {
  return (
    <NextIntlClientProvider locale={locale} timeZone={timeZone} messages={pickMessages(locale, ["common", ...namespaces])}>
      <TrpcReactProvider>{children}</TrpcReactProvider>
    </NextIntlClientProvider>
  );
}

/** The earlier name of ClientProviders, kept for pages written against it. */
export const ClientMessages = ClientProviders;
