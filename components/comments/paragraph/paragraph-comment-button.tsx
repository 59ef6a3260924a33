/**
 * A paragraph's comment button, in the essay's margin: a speech bubble with the paragraph's comment
 * count. Plain server HTML (part of the cached essay page, counts included); a link to the section
 * filtered to the paragraph (?paragraph=<key>#comments) that works without JavaScript, and that
 * ParagraphCommentController turns into an in-place switch.
 *
 * Wide screens: in the right margin, level with the paragraph's first line; the count always shows,
 * an uncommented paragraph's bubble only on hover or focus. Phones: a faint bubble at the
 * paragraph's end, next to the copy-link mark.
 */
import { paragraphParam } from "./paragraph-filter.ts";

export interface ParagraphCommentsChrome {
  /** Visible comments per paragraph key (missing keys have none). */
  counts: Readonly<Record<string, number>>;
  /** The button's accessible name for a count ("这一段有 3 条评论…"). */
  label: (count: number) => string;
}

export function paragraphCommentsHref(paragraphKey: string): string {
  return `?${paragraphParam}=${encodeURIComponent(paragraphKey)}#comments`;
}

export function ParagraphCommentButton({ paragraphKey, chrome, uiLang }: { paragraphKey: string; chrome: ParagraphCommentsChrome; uiLang?: string }) {
  const count = chrome.counts[paragraphKey] ?? 0;
  const label = chrome.label(count);
  return (
    <a
      href={paragraphCommentsHref(paragraphKey)}
      data-paragraph-comments={paragraphKey}
      data-empty={count === 0 ? "" : undefined}
      aria-label={label}
      title={label}
      lang={uiLang}
      data-testid="paragraph-comments"
      className={
        "ml-0.5 inline-flex h-7 min-w-7 translate-y-[0.3em] items-center justify-center gap-1 rounded-md px-1 align-baseline font-sans text-xs text-subtle/80 tabular-nums no-underline transition " +
        "hover:bg-raised hover:text-accent focus-visible:text-accent data-[empty]:text-subtle/60 " +
        "md:absolute md:top-[0.15em] md:-right-12 md:ml-0 md:translate-y-0 md:data-[empty]:opacity-0 md:group-hover/p:data-[empty]:opacity-100 md:focus-visible:data-[empty]:opacity-100"
      }
    >
      <svg viewBox="0 0 20 20" className="size-4 shrink-0" fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinejoin="round" aria-hidden="true">
        <path d="M4 4.5h12a1 1 0 0 1 1 1v7a1 1 0 0 1-1 1H9l-3.5 3v-3H4a1 1 0 0 1-1-1v-7a1 1 0 0 1 1-1Z" />
      </svg>
      <span data-paragraph-count aria-hidden="true">
        {count > 0 ? count : ""}
      </span>
    </a>
  );
}
