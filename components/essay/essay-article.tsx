/**
 * The essay page's content: header (label, title, byline), table of contents, body, attribution,
 * closing note and related readings. A server component; the interactive parts (TOC highlight,
 * copy-link, progress) are small client islands.
 *
 * The essay is Chinese in both interfaces: <article lang="zh-CN">, and the interface's own words
 * inside it carry the interface language (uiLang) when that differs.
 */
import { getFormatter, getTranslations } from "next-intl/server";
import type { AbstractIntlMessages } from "next-intl";
import { CommentsSlot } from "@/components/comments/comments-slot.tsx";
import { CommentsStatic } from "@/components/comments/comments-static.tsx";
import { loadFirstCommentsPage } from "@/components/comments/load-comments.ts";
import { loadParagraphCounts } from "@/components/comments/paragraph/load-paragraph-counts.ts";
import { ParagraphCommentController } from "@/components/comments/paragraph/paragraph-comment-controller.tsx";
import { loadPolls } from "@/components/polls/load-polls.ts";
import { pollAnchorId, type PollDefinition, type PollPlacement } from "@/components/polls/poll-definition.ts";
import { PollSlot } from "@/components/polls/poll-slot.tsx";
import { pickMessages } from "@/messages/index.ts";
import { timeZone } from "@/server/i18n/request.ts";
import { Fragment } from "react";
import type { EssayBlock, EssayView } from "@/server/essay/types.ts";
import { htmlLang, type AppLocale } from "@/server/i18n/locales.ts";
import { CopyLinkController } from "./copy-link-controller.tsx";
import { EssayByline } from "./essay-byline.tsx";
import { EssayParagraph, type ParagraphChrome } from "./essay-paragraph.tsx";
import { EssayFigure } from "./figure-placeholder.tsx";
import { ReadingProgress } from "./reading-progress.tsx";
import { RelatedReadings } from "./related-readings.tsx";
import { TableOfContents, type TocEntry } from "./table-of-contents.tsx";
import { titleSegments } from "./title-breaks.ts";

const essayLang = "zh-CN";

export async function EssayArticle({ essay, locale }: { essay: EssayView; locale: AppLocale }) {
  const t = await getTranslations({ locale, namespace: "essay" });
  const format = await getFormatter({ locale });
  const uiLang = htmlLang[locale] === essayLang ? undefined : htmlLang[locale];
  const date = format.dateTime(essay.publishedAt, { year: "numeric", month: "long", day: "numeric" });
  const tComments = await getTranslations({ locale, namespace: "comments.paragraph" });
  const paragraphCounts = await loadParagraphCounts(locale, essay.slug);
  const chrome: ParagraphChrome = {
    copyLabel: t("copyLink.label"),
    uiLang,
    comments: { counts: paragraphCounts, label: (count) => tComments("marginLabel", { count }) },
  };
  const toc: TocEntry[] = essay.blocks
    .filter((block): block is Extract<EssayBlock, { type: "heading" }> => block.type === "heading" && block.level === 2)
    .map((heading) => ({ id: heading.key, text: heading.text }));
  const polls = await loadPolls(locale, essay.slug);
  const pollLoadingLabel = (await getTranslations({ locale, namespace: "polls" }))("loading");
  const pollMessages = pickMessages(locale, ["polls"]) as AbstractIntlMessages;
  const pollsAt = (placement: PollPlacement) =>
    polls
      .filter((poll) => poll.placements.includes(placement))
      .map((poll) => (
        <PollSlot
          key={`${poll.key}-${placement}`}
          poll={poll}
          // The first placement holds the anchor that sign-in returns to.
          anchorId={firstPlacement(poll) === placement ? pollAnchorId(poll.key) : `${pollAnchorId(poll.key)}-${placement}`}
          locale={locale}
          timeZone={timeZone}
          messages={pollMessages}
          loadingLabel={pollLoadingLabel}
          uiLang={uiLang}
        />
      ));
  const firstComments = await loadFirstCommentsPage(locale, essay.slug);
  const commentMessages = pickMessages(locale, ["comments"]) as AbstractIntlMessages;
  // "after-section-1": before the second section's heading (or after the body when there is one section).
  const secondSection = essay.blocks.findIndex((block, index) => block.type === "heading" && block.level === 2 && index > firstSectionIndex(essay.blocks));

  return (
    <>
      <ReadingProgress targetId="essay" />
      <CopyLinkController copied={t("copyLink.copied")} failed={t("copyLink.failed")} />
      <ParagraphCommentController />
      <div className="mx-auto w-full max-w-6xl px-5 pt-8 pb-4 sm:px-8 sm:pt-14">
        <div className="measure mx-auto text-[1.0625rem] md:text-[1.125rem] lg:mr-auto lg:ml-[max(16rem,calc(50%-19em))]">
          <article id="essay" lang={essayLang} className="relative">
            <header className="mb-10 sm:mb-12">
              {essay.label ? (
                <p className="mb-4">
                  <span className="inline-flex items-center rounded-md bg-accent-soft px-2 py-0.5 text-xs font-semibold tracking-wider text-accent">
                    {essay.label}
                  </span>
                </p>
              ) : null}
              {/* keep-all + <wbr>: wraps only between words (title-breaks.ts), never inside "打工人". */}
              <h1 className="font-serif text-balance text-[1.75rem] leading-[1.35] font-bold tracking-tight text-fg [overflow-wrap:anywhere] [word-break:keep-all] sm:text-[2.25rem] sm:leading-[1.3]">
                {titleSegments(essay.title).map((segment, index) => (
                  <Fragment key={index}>
                    {index > 0 ? <wbr /> : null}
                    {segment}
                  </Fragment>
                ))}
              </h1>
              <EssayByline
                essay={essay}
                date={date}
                readingTime={t("byline.readingTime", { minutes: essay.readingMinutes })}
                labels={{ by: t("byline.by"), publisher: t("byline.publisher") }}
                uiLang={uiLang}
              />
            </header>

            {toc.length > 0 ? (
              <TableOfContents entries={toc} labels={{ title: t("toc.title"), show: t("toc.show"), hide: t("toc.hide") }} uiLang={uiLang} />
            ) : null}

            <div className="prose-zh flex flex-col gap-[1.1em] text-fg">
              {essay.blocks.map((block, index) => (
                <Fragment key={block.key}>
                  {index === secondSection ? pollsAt("after-section-1") : null}
                  <EssayBlockView block={block} chrome={chrome} figureIndex={figureIndex(essay.blocks, index)} placeholderLabel={t("figure.placeholder")} noteLabel={t("note")} />
                </Fragment>
              ))}
              {secondSection === -1 ? pollsAt("after-section-1") : null}
              {pollsAt("end")}
            </div>

            <footer className="mt-12 rounded-2xl bg-raised px-5 py-4 text-sm leading-relaxed text-muted sm:px-6" lang={uiLang}>
              <h2 className="mb-1 text-xs font-semibold tracking-[0.12em] text-subtle uppercase">{t("attributionTitle")}</h2>
              <p>{t("attribution", { publisher: essay.publisher, author: essay.author, date })}</p>
            </footer>
          </article>

          <RelatedReadings
            readings={essay.relatedReadings}
            title={t("related.title")}
            sourceLabel={(source) => t("related.source", { source })}
            uiLang={uiLang}
          />

          {/* The first page is server-rendered; the interactive section loads as its own chunk. */}
          <CommentsSlot slug={essay.slug} locale={locale} timeZone={timeZone} messages={commentMessages} initialPage={firstComments} uiLang={uiLang}>
            <CommentsStatic page={firstComments} locale={locale} />
          </CommentsSlot>
        </div>
      </div>
    </>
  );
}

function firstSectionIndex(blocks: EssayBlock[]): number {
  return blocks.findIndex((block) => block.type === "heading" && block.level === 2);
}

function firstPlacement(poll: PollDefinition): PollPlacement {
  return poll.placements.includes("after-section-1") ? "after-section-1" : "end";
}

/** The position of a figure among figures (for its placeholder's colour). */
function figureIndex(blocks: EssayBlock[], index: number): number {
  return blocks.slice(0, index).filter((block) => block.type === "figure").length;
}

function EssayBlockView({
  block,
  chrome,
  figureIndex,
  placeholderLabel,
  noteLabel,
}: {
  block: EssayBlock;
  chrome: ParagraphChrome;
  figureIndex: number;
  placeholderLabel: string;
  noteLabel: string;
}) {
  switch (block.type) {
    case "paragraph":
      return <EssayParagraph paragraphKey={block.key} nodes={block.children} chrome={chrome} />;
    case "heading": {
      const Tag = block.level === 2 ? "h2" : "h3";
      return (
        <Tag
          id={block.key}
          className={
            block.level === 2
              ? "mt-[1.6em] text-[1.3em] leading-snug font-bold tracking-tight text-fg text-left"
              : "mt-[1em] text-[1.1em] leading-snug font-semibold text-fg text-left"
          }
        >
          {block.text}
        </Tag>
      );
    }
    case "figure":
      return <EssayFigure id={block.key} caption={block.caption} index={figureIndex} placeholderLabel={placeholderLabel} uiLang={chrome.uiLang} />;
    case "note":
      return (
        <div id={block.key} role="note" aria-label={noteLabel} className="mt-[1.6em] border-l-2 border-accent/60 pl-5 text-[0.9em] text-muted">
          <p lang={chrome.uiLang} aria-hidden="true" className="mb-2 text-xs font-semibold tracking-[0.12em] text-subtle uppercase">
            {noteLabel}
          </p>
          <div className="flex flex-col gap-[0.9em]">
            {block.paragraphs.map((paragraph) => (
              <EssayParagraph key={paragraph.key} paragraphKey={paragraph.key} nodes={paragraph.children} chrome={chrome} />
            ))}
          </div>
        </div>
      );
  }
}
