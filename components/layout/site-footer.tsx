import { getTranslations } from "next-intl/server";
import type { AppLocale } from "@/server/i18n/locales.ts";

export async function SiteFooter({ locale }: { locale: AppLocale }) {
  const t = await getTranslations({ locale, namespace: "common" });
  return (
    <footer className="mt-16 border-t border-line">
      <div className="mx-auto flex w-full max-w-6xl flex-col gap-2 px-5 py-10 text-sm text-muted sm:px-8">
        <p>
          <span className="font-semibold text-fg">{t("siteName")}</span>
          <span aria-hidden="true"> · </span>
          {t("footer.about")}
        </p>
        {/* text-pretty: no lone "用。" on the last line of a phone-width footer. */}
        <p className="text-pretty">{t("footer.attribution")}</p>
      </div>
    </footer>
  );
}
