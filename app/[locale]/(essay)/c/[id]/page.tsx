/**
 * "/c/<id>": a comment's permalink, also where "continue this thread" leads. The comment in
 * context, server-rendered (comments.thread through the anonymous server caller): the essay it
 * belongs to, the comments it answers, the comment highlighted, its replies, a reply composer.
 * A missing comment (or one deleted without replies) gets the localized 404 view with status 404.
 * Rendered per request, like /polls/<id>: caching would let made-up ids fill the page cache.
 */
import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { authorName } from "@/components/comments/comment-frame.tsx";
import { commentSnippet } from "@/components/comments/permalink/comment-snippet.ts";
import { loadCommentThread } from "@/components/comments/permalink/load-comment-thread.ts";
import { PermalinkSlot } from "@/components/comments/permalink/permalink-slot.tsx";
import { PermalinkStatic } from "@/components/comments/permalink/permalink-static.tsx";
import { NotFoundView, notFoundMetadata } from "@/components/feedback/not-found-view.tsx";
import { ClientProviders } from "@/components/providers/app-providers.tsx";
import { PageContainer } from "@/components/ui/index.ts";
import { isLocale } from "@/server/i18n/locales.ts";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ locale: string; id: string }> };

/** Short enough for a tab and a search result's title line. */
const titleSnippetLength = 40;
const descriptionSnippetLength = 120;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale, id } = await params;
  if (!isLocale(locale)) return {};
  const page = await loadCommentThread(locale, decodeURIComponent(id));
  if (!page) return notFoundMetadata(locale);
  const { thread } = page;
  const t = await getTranslations({ locale, namespace: "comments" });
  const path = `/c/${encodeURIComponent(thread.comment.id)}`;
  const comment = thread.comment;
  const visible = comment.status === "visible" && comment.bodyHtml !== null;
  const author = visible ? authorName(comment, { anonymous: (shortId) => t("item.anonymous", { id: shortId }) }) : "";
  const title = visible
    ? t("permalink.metaTitle", { author, snippet: commentSnippet(comment.bodyHtml!, titleSnippetLength) })
    : t("permalink.deletedTitle");
  const description = visible
    ? t("permalink.metaDescription", { author, essay: thread.essay.title, snippet: commentSnippet(comment.bodyHtml!, descriptionSnippetLength) })
    : t("permalink.deletedDescription", { essay: thread.essay.title });
  return {
    title,
    description,
    alternates: { canonical: path },
    openGraph: { type: "article", title, description, url: path },
  };
}

export default async function CommentPermalinkPage({ params }: Props) {
  const { locale, id } = await params;
  if (!isLocale(locale)) return <NotFoundView />;
  setRequestLocale(locale);
  const page = await loadCommentThread(locale, decodeURIComponent(id));
  if (!page) return <NotFoundView locale={locale} />;
  const { thread, essayHref } = page;
  const t = await getTranslations({ locale, namespace: "comments.permalink" });

  return (
    <PageContainer>
      <nav className="flex flex-wrap items-center justify-between gap-x-4 gap-y-2 text-sm">
        <a href={essayHref} className="inline-flex max-w-full min-w-0 items-center gap-1.5 font-medium text-muted hover:text-fg" data-testid="permalink-essay">
          <span aria-hidden="true">←</span>
          <span className="shrink-0">{t("back")}</span>
          <span aria-hidden="true">·</span>
          <span lang="zh-CN" className="min-w-0 truncate sm:max-w-[22rem]">
            {thread.essay.title}
          </span>
        </a>
        <a href={`${essayHref}#comments`} className="shrink-0 font-medium text-accent hover:underline" data-testid="permalink-all-comments">
          {t("viewAll")}
        </a>
      </nav>
      <h1 className="mt-6 mb-6 text-xl font-bold tracking-tight text-fg sm:text-2xl">{t("title")}</h1>
      <ClientProviders locale={locale} namespaces={["comments"]}>
        <PermalinkSlot thread={thread} essayHref={essayHref} locale={locale}>
          <PermalinkStatic thread={thread} essayHref={essayHref} locale={locale} />
        </PermalinkSlot>
      </ClientProviders>
    </PageContainer>
  );
}
