/**
 * The header of every page: the site's name (a link home), language and theme switches, and the
 * reader's sign-in state. A server component; the controls are small client islands that get
 * their words as props (no message catalog is shipped to the browser for them).
 */
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { AppLocale } from "@/server/i18n/locales.ts";
import { HeaderAccount } from "@/components/header/header-account.tsx";
import { loadNotificationLabels } from "@/components/notifications/notification-labels.ts";
import { LanguageSwitch } from "@/components/locale/language-switch.tsx";
import { ThemeSwitch } from "@/components/theme/theme-switch.tsx";

export async function SiteHeader({ locale }: { locale: AppLocale }) {
  const t = await getTranslations({ locale, namespace: "common" });
  return (
    <header className="sticky top-0 z-40 border-b border-line/80 bg-[var(--tq-header)] backdrop-blur-md supports-[not(backdrop-filter:blur(1px))]:bg-bg">
      <div className="mx-auto flex h-14 w-full max-w-6xl items-center justify-between gap-3 px-4 sm:px-8">
        <Link href="/" aria-label={t("nav.home")} className="group -ml-1 flex items-center gap-2 rounded-lg px-1 py-1">
          <Logo />
          <span className="text-[1.0625rem] font-semibold tracking-tight text-fg">{t("siteName")}</span>
        </Link>
        <nav aria-label={t("nav.primary")} className="flex items-center gap-0.5 sm:gap-1">
          <LanguageSwitch locale={locale} label={t("language.label")} switchTo={t("language.switchTo")} />
          <ThemeSwitch
            labels={{
              system: t("theme.label", { mode: t("theme.system") }),
              light: t("theme.label", { mode: t("theme.light") }),
              dark: t("theme.label", { mode: t("theme.dark") }),
            }}
          />
          <span aria-hidden="true" className="mx-1 h-5 w-px bg-line" />
          <HeaderAccount
            locale={locale}
            labels={{
              signIn: t("auth.signIn"),
              account: t("auth.account"),
              accountOf: t.raw("auth.accountOf") as string,
              signOut: t("auth.signOut"),
              signingOut: t("auth.signingOut"),
              moderate: (await getTranslations({ locale, namespace: "moderation.nav" }))("moderate"),
            }}
            notificationLabels={await loadNotificationLabels(locale)}
          />
        </nav>
      </div>
    </header>
  );
}

/** 圈 with a way out: a ring left open and an arrow leaving it. Drawn, so it needs no font. */
function Logo() {
  return (
    <svg viewBox="0 0 32 32" className="size-7 shrink-0" aria-hidden="true">
      <rect x="1" y="1" width="30" height="30" rx="8" className="fill-accent" />
      <g fill="none" strokeWidth="2.4" strokeLinecap="round" strokeLinejoin="round" className="stroke-accent-fg">
        <path d="M21.5 10.2A8 8 0 1 0 21.5 21.8" />
        <path d="M14 16h12M22.5 12.5 26 16l-3.5 3.5" />
      </g>
    </svg>
  );
}
