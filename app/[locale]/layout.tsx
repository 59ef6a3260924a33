/**
 * The document of every page in a language: <html lang>, the theme before first paint and the
 * app shell (header, main, footer).
 *
 * generateStaticParams returns no locales on purpose: nothing is prerendered at build time (the
 * essay needs the database, which the build must never open — contract 3). Each page renders on
 * its first request and is then served from the cache, the same bytes for every reader.
 */
import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { AppShell } from "@/components/layout/app-shell.tsx";
import { themeScript } from "@/components/theme/theme-script.ts";
import { siteUrl } from "@/components/layout/site-url.ts";
import { htmlLang, isLocale } from "@/server/i18n/locales.ts";
import "../globals.css";

export function generateStaticParams(): { locale: string }[] {
  return [];
}

export const viewport: Viewport = {
  width: "device-width",
  initialScale: 1,
  themeColor: [
    { media: "(prefers-color-scheme: light)", color: "#fbfaf7" },
    { media: "(prefers-color-scheme: dark)", color: "#141311" },
  ],
};

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const { locale } = await params;
  if (!isLocale(locale)) return {};
  const t = await getTranslations({ locale, namespace: "common" });
  return {
    metadataBase: siteUrl(),
    title: { default: t("siteName"), template: `%s · ${t("siteName")}` },
    description: t("siteTagline"),
    applicationName: t("siteName"),
    icons: { icon: [{ url: "/icon.svg", type: "image/svg+xml" }] },
    formatDetection: { telephone: false, email: false, address: false },
  };
}

export default async function LocaleLayout({ children, params }: { children: ReactNode; params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);

  return (
    // data-theme is set by the inline script before paint, so it differs from the server's HTML.
    <html lang={htmlLang[locale]} dir="ltr" suppressHydrationWarning>
      <head>
        <script dangerouslySetInnerHTML={{ __html: themeScript }} />
      </head>
      <body className="bg-bg text-fg">
        {/* No global client providers: see components/providers/app-providers.tsx. */}
        <AppShell locale={locale}>{children}</AppShell>
      </body>
    </html>
  );
}
