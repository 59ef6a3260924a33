/**
 * /account: the signed-in reader's display name, interface language, email (read only), role,
 * the poll-badge setting, sign-out and sign-out everywhere. Signed-out readers are sent to /signin and come back here.
 */
import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { ClientMessages } from "@/components/providers/app-providers.tsx";
import { AccountForm } from "@/components/account/account-form.tsx";
import { PollBadgeSwitch } from "@/components/account/poll-badge-switch.tsx";
import { RoleBadge } from "@/components/account/role-badge.tsx";
import { YourDataSection } from "@/components/account/your-data-section.tsx";
import { SignOutButton } from "@/components/auth/sign-out-button.tsx";
import { SignOutEverywhereButton } from "@/components/account/sign-out-everywhere-button.tsx";
import { Card, CardDescription, CardTitle, Input, LinkButton, PageContainer } from "@/components/ui/index.ts";
import { getReaderCaller } from "@/server/api/reader-caller.ts";
import { accountDeletionPhrase } from "@/server/api/routers/me/schemas.ts";
import { isLocale } from "@/server/i18n/locales.ts";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  if (!isLocale(locale)) return {};
  const t = await getTranslations({ locale, namespace: "account" });
  return { title: t("metaTitle"), robots: { index: false, follow: false } };
}

export default async function AccountPage({ params }: Props) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  const reader = await getReaderCaller(locale);
  const user = reader && (await reader.caller.me.get());
  if (!user) redirect(`/signin?callbackUrl=${encodeURIComponent("/account")}`);
  const t = await getTranslations({ locale, namespace: "account" });

  return (
    <PageContainer width="medium">
      <Card>
        <div className="flex flex-wrap items-start justify-between gap-3">
          <CardTitle>{t("title")}</CardTitle>
          <RoleBadge role={user.role} label={t(`roles.${user.role}`)} roleLabel={t("role")} />
        </div>
        <CardDescription>{t("intro")}</CardDescription>

        <div className="mt-8 flex flex-col gap-6">
          <div className="flex flex-col gap-1.5">
            <label htmlFor="account-email" className="text-sm font-medium text-fg">
              {t("email")}
            </label>
            <Input
              id="account-email"
              type="email"
              value={user.email ?? ""}
              readOnly
              aria-describedby="account-email-hint"
              data-testid="account-email"
              className="bg-raised text-muted"
            />
            <p id="account-email-hint" className="text-sm text-muted">
              {t("emailHint")}
            </p>
          </div>
          <ClientMessages locale={locale} namespaces={["account", "auth"]}>
            <AccountForm initialName={user.name ?? ""} initialLocale={user.locale ?? locale} />
            <div className="mt-2 border-t border-line pt-6">
              <PollBadgeSwitch initial={user.showPollBadge} />
            </div>
            {user.role === "MODERATOR" || user.role === "ADMIN" ? (
              // The header's link to /moderate is hidden at phone width (no room): this is the way there.
              <div className="mt-2 border-t border-line pt-6">
                <h2 className="mb-3 text-sm font-medium text-fg">{t("moderationSection")}</h2>
                <LinkButton href="/moderate" variant="secondary" data-testid="account-moderate-link">
                  {t("moderationLink")}
                </LinkButton>
              </div>
            ) : null}
            <div className="mt-2 border-t border-line pt-6">
              <h2 className="mb-1.5 text-sm font-medium text-fg">{t("sessionSection")}</h2>
              <p className="mb-3 text-sm text-muted">{t("sessionsHint")}</p>
              <div className="flex flex-col gap-5">
                <SignOutButton redirectTo="/" />
                <SignOutEverywhereButton />
              </div>
            </div>
            <div className="mt-2 border-t border-line pt-6">
              <YourDataSection phrase={accountDeletionPhrase(user.email, locale)} />
            </div>
          </ClientMessages>
        </div>
      </Card>
    </PageContainer>
  );
}
