/**
 * /signin/error: next-auth's error page, e.g. ?error=Verification for a tampered, expired or
 * reused magic link. Says what happened in the reader's language and offers a new link.
 */
import { authPageMetadata, type AuthPageProps } from "@/components/auth/auth-page.ts";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { AlertIcon, AuthCard } from "@/components/auth/auth-card.tsx";
import { knownSignInError } from "@/components/auth/sign-in-errors.ts";
import { LinkButton } from "@/components/ui/index.ts";
import { isLocale } from "@/server/i18n/locales.ts";

export const dynamic = "force-dynamic";

type Props = AuthPageProps;

export const generateMetadata = authPageMetadata("error.metaTitle");

export default async function SignInErrorPage({ params, searchParams }: Props) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  const query = await searchParams;
  const t = await getTranslations({ locale, namespace: "auth" });
  const code = knownSignInError(typeof query.error === "string" ? query.error : null);
  const message = t(`error.${code === "csrf" ? "Default" : code}`);

  return (
    <AuthCard
      title={t("error.title")}
      icon={<AlertIcon />}
      // The explanation sits under the title like every sign-in card's sentence (as children it
      // was set apart by the gap meant for the buttons).
      description={
        <span role="alert" data-testid="signin-error" data-error={code} className="text-fg">
          {message}
        </span>
      }
    >
      <div className="flex flex-wrap gap-3">
        <LinkButton href="/signin" variant="primary">
          {t("error.requestNewLink")}
        </LinkButton>
        <LinkButton href="/" variant="ghost">
          {t("error.home")}
        </LinkButton>
      </div>
    </AuthCard>
  );
}
