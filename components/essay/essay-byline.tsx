import type { EssayView } from "@/server/essay/types.ts";

/** Author, publisher, date and reading time, under the title. */
export function EssayByline({
  essay,
  date,
  readingTime,
  labels,
  uiLang,
}: {
  essay: Pick<EssayView, "author" | "authorHandle" | "publisher" | "publishedAt">;
  date: string;
  readingTime: string;
  labels: { by: string; publisher: string };
  uiLang?: string;
}) {
  return (
    <div data-testid="byline" className="mt-6 flex items-center gap-3 text-sm text-muted">
      <span aria-hidden="true" className="grid size-10 shrink-0 place-items-center rounded-full bg-accent-soft font-serif text-base font-semibold text-accent">
        {[...essay.author][0]?.toUpperCase()}
      </span>
      <div className="flex min-w-0 flex-col gap-0.5 leading-snug">
        <p className="flex flex-wrap items-baseline gap-x-2">
          <span className="sr-only" lang={uiLang}>
            {labels.by}
          </span>
          <span className="font-medium text-fg">{essay.author}</span>
          {essay.authorHandle ? <span className="text-subtle">{essay.authorHandle}</span> : null}
          <span aria-hidden="true" className="text-subtle">
            ·
          </span>
          <span className="sr-only" lang={uiLang}>
            {labels.publisher}
          </span>
          <span>{essay.publisher}</span>
        </p>
        <p className="flex flex-wrap items-baseline gap-x-2" lang={uiLang}>
          <time dateTime={essay.publishedAt.toISOString().slice(0, 10)}>{date}</time>
          <span aria-hidden="true" className="text-subtle">
            ·
          </span>
          <span>{readingTime}</span>
        </p>
      </div>
    </div>
  );
}
