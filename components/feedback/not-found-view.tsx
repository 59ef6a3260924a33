/**
 * The localized 404 content, and the marker that makes the server answer it with status 404.
 *
 * Why not notFound(): in Next.js 16 a notFound() thrown while rendering a page is not server-rendered
 * (the HTML is an empty `<html id="__next_error__">` shell, drawn only after hydration: no lang, no
 * theme, nothing for readers without JavaScript — vercel/next.js#62228). Pages render this view
 * instead, and server/http/status-marker.ts turns the marker into the HTTP status.
 */
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ProblemPage } from "@/components/feedback/problem-page.tsx";
import { LinkButton } from "@/components/ui/button.tsx";
import { httpStatusMetaName } from "@/server/http/status-marker.ts";
import type { AppLocale } from "@/server/i18n/locales.ts";

export async function notFoundMetadata(locale: AppLocale): Promise<Metadata> {
  const t = await getTranslations({ locale, namespace: "common.notFound" });
  return { title: t("title"), robots: { index: false }, other: { [httpStatusMetaName]: "404" } };
}

export async function NotFoundView({ locale }: { locale?: AppLocale }) {
  const t = locale ? await getTranslations({ locale, namespace: "common.notFound" }) : await getTranslations("common.notFound");
  return (
    <ProblemPage
      code={t("code")}
      title={t("title")}
      body={t("body")}
      action={
        <LinkButton href="/" variant="primary">
          {t("home")}
        </LinkButton>
      }
    />
  );
}
