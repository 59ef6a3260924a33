/**
 * The opening every moderation page shares: an unknown locale is a 404, a signed-out reader is sent
 * to sign in (back to the page), a reader without the role gets the 403 view, and the metadata says
 * 403 too (it must not redirect). The procedures check the role again: see moderator-access.ts.
 */
import "server-only";
import type { Metadata } from "next";
import type { ReactElement, ReactNode } from "react";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { NotFoundView } from "@/components/feedback/not-found-view.tsx";
import { ForbiddenView, forbiddenMetadata } from "@/components/moderation/forbidden-view.tsx";
import { mayModerate, moderatorAccess } from "@/components/moderation/moderator-access.ts";
import { isLocale, type AppLocale } from "@/server/i18n/locales.ts";

export type ModerationPageOpening = { open: true; locale: AppLocale } | { open: false; view: ReactElement };

/** Checks the locale and the reader's role for the page at `returnTo`; when refused, the view to show instead. */
export async function openModerationPage(locale: string, returnTo: string): Promise<ModerationPageOpening> {
  if (!isLocale(locale)) return { open: false, view: <NotFoundView /> };
  setRequestLocale(locale);
  if (!(await moderatorAccess(returnTo)).allowed) return { open: false, view: <ForbiddenView locale={locale} /> };
  return { open: true, locale };
}

/** The page's metadata: `metaTitle` of `namespace` for a moderator, the 403 title for anyone else; never indexed. */
export async function moderationPageMetadata(locale: string, namespace: string): Promise<Metadata> {
  if (!isLocale(locale)) return {};
  if (!(await mayModerate())) return forbiddenMetadata(locale);
  const t = await getTranslations({ locale, namespace });
  return { title: t("metaTitle"), robots: { index: false, follow: false } };
}

/** The "← back" link at the top of a moderation page. */
export function ModerationBackLink({ href, children }: { href: string; children: ReactNode }) {
  return (
    <a href={href} className="text-sm font-medium text-muted hover:text-fg">
      <span aria-hidden="true">← </span>
      {children}
    </a>
  );
}
