/**
 * A comment in context as server HTML, for the first paint of its permalink page (and for readers
 * without JavaScript): the same frames and folding as the interactive thread that replaces it
 * (permalink-thread.tsx), with absolute dates (relative ones would differ between the server's
 * render and the browser's: a hydration mismatch) and no actions.
 */
import { getTranslations } from "next-intl/server";
import type { CommentThread } from "@/server/api/routers/comments/schemas.ts";
import type { AppLocale } from "@/server/i18n/locales.ts";
import { staticCommentFrame } from "../comments-static.tsx";
import { foldedAncestors } from "./fold-ancestors.ts";

export async function PermalinkStatic({ thread, essayHref, locale }: { thread: CommentThread; essayHref: string; locale: AppLocale }) {
  const t = await getTranslations({ locale, namespace: "comments" });
  const frame = await staticCommentFrame(locale, essayHref);
  const { shown, folded } = foldedAncestors(thread.ancestors, false);

  return (
    <div data-testid="comment-thread-static" data-comment-id={thread.comment.id}>
      {shown.length > 0 ? (
        <ol className="mb-3 flex flex-col gap-3">
          {shown.map((ancestor, index) => (
            <li key={ancestor.id} className="relative">
              {frame(ancestor)}
              <span aria-hidden="true" className="absolute top-10 bottom-[-0.75rem] left-[0.9375rem] w-px bg-line sm:top-11 sm:left-[1.0625rem]" />
              {index === 0 && folded > 0 ? (
                <p className="relative mt-3 ml-8 inline-flex items-center gap-2 rounded-full border border-line bg-surface px-3 py-1 text-sm font-medium text-muted sm:ml-10">
                  <span aria-hidden="true">⋯</span>
                  {t("permalink.earlier", { count: folded })}
                </p>
              ) : null}
            </li>
          ))}
        </ol>
      ) : null}
      {frame(thread.comment, thread.replies.items, true)}
    </div>
  );
}
