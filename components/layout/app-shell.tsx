/**
 * The page frame inside <body>: skip link, header, <main id="content"> and footer. Used by the
 * [locale] layout; error boundaries render inside it.
 */
import type { ReactNode } from "react";
import { getTranslations } from "next-intl/server";
import type { AppLocale } from "@/server/i18n/locales.ts";
import { SiteFooter } from "./site-footer.tsx";
import { SiteHeader } from "./site-header.tsx";
import { SkipLink } from "./skip-link.tsx";

export async function AppShell({ locale, children }: { locale: AppLocale; children: ReactNode }) {
  const t = await getTranslations({ locale, namespace: "common" });
  return (
    <div className="flex min-h-dvh flex-col">
      <SkipLink label={t("skipToContent")} />
      <SiteHeader locale={locale} />
      <main id="content" tabIndex={-1} className="flex-1 focus:outline-none">
        {children}
      </main>
      <SiteFooter locale={locale} />
    </div>
  );
}
