/** /moderate/log: the audit log, filtered by the query string (components/moderation/moderation-log.tsx). */
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { TRPCError } from "@trpc/server";
import { ModerationLog, type LogFilters } from "@/components/moderation/moderation-log.tsx";
import { moderationPageMetadata, openModerationPage } from "@/components/moderation/moderation-page.tsx";
import { moderationCaller } from "@/components/moderation/moderator-access.ts";
import { ModerationNav } from "@/components/moderation/moderation-nav.tsx";
import { PageContainer } from "@/components/ui/index.ts";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return moderationPageMetadata((await params).locale, "moderation.log");
}

const targetTypes = new Set(["comment", "user", "essay", "watchlist", "settings"]);

/** One value of a query parameter, trimmed and at most 64 characters; absent when empty or repeated. */
function single(value: string | string[] | undefined): string | undefined {
  return typeof value === "string" && value.trim() ? value.trim().slice(0, 64) : undefined;
}

export default async function ModerationLogPage({ params, searchParams }: Props) {
  const page = await openModerationPage((await params).locale, "/moderate/log");
  if (!page.open) return page.view;
  const { locale } = page;
  const t = await getTranslations({ locale, namespace: "moderation.log" });
  const query = await searchParams;
  const filters = {
    action: single(query.action),
    targetType: targetTypes.has(single(query.targetType) ?? "") ? single(query.targetType) : undefined,
    actorId: single(query.actorId),
    rule: single(query.rule),
    targetId: single(query.targetId),
  };
  const cursor = single(query.cursor);
  const defined = Object.fromEntries(Object.entries(filters).filter(([, value]) => value !== undefined));

  // The procedure validates the filters and checks the role again; a refused filter or cursor
  // (a hand-edited link) shows a message, never the validator's text.
  let result: { items: Awaited<ReturnType<Awaited<ReturnType<typeof moderationCaller>>["moderation"]["log"]>>["items"]; nextCursor: string | null; error: string | null };
  try {
    const caller = await moderationCaller();
    const page = await caller.moderation.log({ ...defined, ...(cursor ? { cursor } : {}) } as Parameters<typeof caller.moderation.log>[0]);
    result = { ...page, error: null };
  } catch (error) {
    if (!(error instanceof TRPCError)) throw error;
    result = { items: [], nextCursor: null, error: t("loadFailed") };
  }

  return (
    <PageContainer width="wide" className="max-w-5xl">
      <h1 className="text-2xl font-bold tracking-tight text-fg sm:text-3xl">{t("title")}</h1>
      <p className="mt-2 max-w-2xl text-[0.9375rem] leading-relaxed text-muted">{t("intro")}</p>
      <div className="mt-6">
        <ModerationNav locale={locale} current="log" />
      </div>
      <ModerationLog locale={locale} filters={defined as LogFilters} entries={result.items} nextCursor={result.nextCursor} error={result.error} />
    </PageContainer>
  );
}
