/**
 * /dev/outbox: the sign-in emails of a localhost site without a mail server (server/mail/
 * dev-outbox.ts). Answers 404 to anything but a request from this machine (server/auth/
 * local-request.ts) and is rendered per request, never cached.
 */
import type { Metadata } from "next";
import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations, setRequestLocale } from "next-intl/server";
import { Card, CardDescription, CardTitle, LinkButton, PageContainer } from "@/components/ui/index.ts";
import { getServerConfig } from "@/server/config/index.ts";
import { isLocalRequest } from "@/server/auth/local-request.ts";
import { listOutbox } from "@/server/mail/dev-outbox.ts";
import { isLocale } from "@/server/i18n/locales.ts";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  if (!isLocale(locale)) return {};
  const t = await getTranslations({ locale, namespace: "auth" });
  return { title: t("outbox.metaTitle"), robots: { index: false, follow: false } };
}

export default async function DevOutboxPage({ params }: Props) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  if (!isLocalRequest(await headers(), getServerConfig())) notFound();
  setRequestLocale(locale);
  const t = await getTranslations({ locale, namespace: "auth" });
  const format = await getFormatter({ locale });
  const messages = listOutbox();

  return (
    <PageContainer width="medium">
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight text-fg">{t("outbox.title")}</h1>
          <p className="mt-2 max-w-prose text-[0.9375rem] leading-relaxed text-muted">{t("outbox.intro")}</p>
        </div>
        <LinkButton href="/dev/outbox" variant="secondary" size="sm">
          {t("outbox.refresh")}
        </LinkButton>
      </div>

      {messages.length === 0 ? (
        <p className="mt-8 rounded-xl border border-dashed border-line px-4 py-6 text-center text-muted">{t("outbox.empty")}</p>
      ) : (
        <ol className="mt-8 flex flex-col gap-4" data-testid="outbox">
          {messages.map((message) => (
            <li key={message.id}>
              <Card className="p-5 sm:p-6" data-testid="outbox-message">
                <CardTitle as="h2" className="text-base sm:text-lg">
                  {message.subject}
                </CardTitle>
                <CardDescription className="mt-1">
                  <span>
                    {t("outbox.to")}: <span data-testid="outbox-to">{message.to}</span>
                  </span>
                  <span className="mx-2 text-subtle">·</span>
                  <time dateTime={message.sentAt.toISOString()}>
                    {format.dateTime(message.sentAt, { dateStyle: "medium", timeStyle: "medium" })}
                  </time>
                </CardDescription>
                <div className="mt-4 flex flex-wrap items-center gap-3">
                  <LinkButton href={message.url} variant="primary" size="sm" data-testid="outbox-link">
                    {t("outbox.open")}
                  </LinkButton>
                </div>
                <pre className="mt-4 overflow-x-auto rounded-xl bg-raised p-4 font-mono text-xs leading-relaxed whitespace-pre-wrap break-all text-muted">
                  {message.text}
                </pre>
              </Card>
            </li>
          ))}
        </ol>
      )}
    </PageContainer>
  );
}
