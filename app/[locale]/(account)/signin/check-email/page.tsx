/** /signin/check-email: where the link went, how long it lasts, and the dev outbox in local mode. */
import { authPageMetadata, type AuthPageProps } from "@/components/auth/auth-page.ts";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { AuthCard, MailIcon } from "@/components/auth/auth-card.tsx";
import { LinkButton } from "@/components/ui/index.ts";
import { getServerConfig } from "@/server/config/index.ts";
import { parseEmailAddress } from "@/server/auth/email-address.ts";
import { isLocale } from "@/server/i18n/locales.ts";

export const dynamic = "force-dynamic";

type Props = AuthPageProps;

export const generateMetadata = authPageMetadata("checkEmail.metaTitle");

export default async function CheckEmailPage({ params, searchParams }: Props) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  const query = await searchParams;
  const t = await getTranslations({ locale, namespace: "auth" });
  const config = getServerConfig();
  const devOutbox = config.isLocalSite && !config.email;

  // Only an address-shaped value is echoed back; anything else gets the generic sentence.
  const parsed = parseEmailAddress(typeof query.email === "string" ? query.email : "");
  const sentTo = parsed.ok ? (
    <span data-testid="check-email-address">
      {t.rich("checkEmail.sentTo", {
        email: parsed.email,
        strong: (chunks) => <strong className="font-semibold break-all text-fg">{chunks}</strong>,
      })}
    </span>
  ) : (
    t("checkEmail.sentGeneric")
  );

  return (
    <AuthCard testId="check-email" title={t("checkEmail.title")} description={sentTo} icon={<MailIcon />}>
      <ul className="flex flex-col gap-2 text-[0.9375rem] leading-relaxed text-muted">
        <li>{t("checkEmail.expires")}</li>
        <li>{t("checkEmail.spam")}</li>
      </ul>
      {devOutbox ? (
        <div className="mt-6 rounded-xl border border-dashed border-line bg-raised px-4 py-3 text-sm text-fg">
          <p>{t("checkEmail.devOutbox")}</p>
          <a href="/dev/outbox" className="mt-2 inline-block font-medium text-accent underline underline-offset-4">
            {t("checkEmail.devOutboxLink")}
          </a>
        </div>
      ) : null}
      <div className="mt-7">
        <LinkButton href="/signin" variant="secondary">
          {t("checkEmail.again")}
        </LinkButton>
      </div>
    </AuthCard>
  );
}
