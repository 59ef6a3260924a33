/**
 * A paragraph with its stable anchor (id="p-<key>"), a "copy link to this paragraph" button and
 * its comment button with the paragraph's comment count (ParagraphCommentButton). Both are plain
 * server HTML; one listener each (CopyLinkController, ParagraphCommentController) makes every
 * button of the page work, so sixty paragraphs don't mean sixty client components.
 */
import type { InlineNode } from "@/server/essay/types.ts";
import { ParagraphCommentButton, type ParagraphCommentsChrome } from "@/components/comments/paragraph/paragraph-comment-button.tsx";
import { InlineContent } from "./inline-content.tsx";

export interface ParagraphChrome {
  /** "Copy link to this paragraph" in the interface language. */
  copyLabel: string;
  /** Set when the interface language differs from the essay's, for the button's label. */
  uiLang?: string;
  /** The comment buttons' counts and labels; absent where paragraphs take no comments. */
  comments?: ParagraphCommentsChrome;
}

export function paragraphId(key: string): string {
  return `p-${key}`;
}

export function EssayParagraph({ paragraphKey, nodes, chrome }: { paragraphKey: string; nodes: InlineNode[]; chrome: ParagraphChrome }) {
  const id = paragraphId(paragraphKey);
  return (
    <p id={id} className="group/p relative">
      <InlineContent nodes={nodes} />
      <button
        type="button"
        data-copy-link={id}
        aria-label={chrome.copyLabel}
        title={chrome.copyLabel}
        lang={chrome.uiLang}
        className={
          // Phones: a faint mark at the end of the paragraph. Wide screens: in the left margin,
          // shown on hover or keyboard focus.
          "ml-1 inline-grid size-7 translate-y-[0.3em] place-items-center rounded-md align-baseline text-subtle/70 transition " +
          "hover:bg-raised hover:text-accent focus-visible:text-accent data-[copied]:text-success " +
          "md:absolute md:top-[0.15em] md:-left-10 md:ml-0 md:translate-y-0 md:opacity-0 md:group-hover/p:opacity-100 md:focus-visible:opacity-100 md:data-[copied]:opacity-100"
        }
      >
        <svg viewBox="0 0 20 20" className="size-4" fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" aria-hidden="true">
          <path d="M8.5 11.5a3.5 3.5 0 0 0 5 0l2.5-2.5a3.5 3.5 0 0 0-5-5l-1 1" />
          <path d="M11.5 8.5a3.5 3.5 0 0 0-5 0L4 11a3.5 3.5 0 0 0 5 5l1-1" />
        </svg>
      </button>
      {chrome.comments ? <ParagraphCommentButton paragraphKey={paragraphKey} chrome={chrome.comments} uiLang={chrome.uiLang} /> : null}
    </p>
  );
}
