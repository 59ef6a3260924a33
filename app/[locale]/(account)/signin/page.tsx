/**
 * /signin: email magic link, plus GitHub / Google when configured. Per reader (a signed-in reader
 * is sent on), so rendered per request. After sign-in the reader returns to `callbackUrl` (or the
 * page that linked here), only ever a path on this site.
 */
import { authPageMetadata, type AuthPageProps } from "@/components/auth/auth-page.ts";
import { headers } from "next/headers";
import { notFound, redirect } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { ClientMessages } from "@/components/providers/app-providers.tsx";
import { AuthCard, KeyIcon } from "@/components/auth/auth-card.tsx";
import { SignInForm } from "@/components/auth/sign-in-form.tsx";
import { OAuthButtons, type OAuthProviderId } from "@/components/auth/oauth-buttons.tsx";
import { getServerConfig } from "@/server/config/index.ts";
import { getCurrentUser } from "@/server/auth/current-user.ts";
import { safeCallbackPath } from "@/server/auth/callback-url.ts";
import { isLocale } from "@/server/i18n/locales.ts";

export const dynamic = "force-dynamic";

type Props = AuthPageProps;

export const generateMetadata = authPageMetadata("signIn.metaTitle");

export default async function SignInPage({ params, searchParams }: Props) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  const query = await searchParams;
  const config = getServerConfig();

  const requested = typeof query.callbackUrl === "string" ? query.callbackUrl : (await headers()).get("referer");
  const callbackUrl = safeCallbackPath(requested, config.siteUrl.origin);
  if (await getCurrentUser()) redirect(callbackUrl);

  const t = await getTranslations({ locale, namespace: "auth" });
  const providers: OAuthProviderId[] = [];
  if (config.github) providers.push("github");
  if (config.google) providers.push("google");

  return (
    <AuthCard title={t("signIn.title")} description={t("signIn.subtitle")} icon={<KeyIcon />}>
      <ClientMessages locale={locale} namespaces={["auth"]}>
        <SignInForm callbackUrl={callbackUrl} staleForm={query.csrf === "true"} />
        {providers.length > 0 ? (
          <>
            <div className="my-6 flex items-center gap-3 text-sm text-subtle" role="separator">
              <span className="h-px flex-1 bg-line" />
              {t("signIn.or")}
              <span className="h-px flex-1 bg-line" />
            </div>
            <OAuthButtons providers={providers} callbackUrl={callbackUrl} />
          </>
        ) : null}
      </ClientMessages>
      <p className="mt-6 text-sm leading-relaxed text-subtle">{t("signIn.terms")}</p>
    </AuthCard>
  );
}
