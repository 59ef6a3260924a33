"use client";
/**
 * The sticky "↑ N new comments" button over a list (the whole section's and one paragraph's), and
 * its announcement for screen readers. New top-level comments by others wait behind it so the text
 * never moves under the reader; pressing it shows them at the top of the list.
 */
import { useTranslations } from "next-intl";
import type { RefObject } from "react";
import { useComments } from "./comments-context.tsx";

export interface NewCommentsButtonProps {
  /** How many wait (pendingFor in comments-state.ts). */
  count: number;
  /** The paragraph view's key: reveal only the comments about it. */
  paragraphKey?: string;
  /** The top of the list, scrolled to when the comments are revealed there. */
  listTop: RefObject<HTMLElement | null>;
}

export function NewCommentsButton({ count, paragraphKey, listTop }: NewCommentsButtonProps) {
  const t = useTranslations("comments");
  const { dispatch } = useComments();
  const reveal = () => {
    dispatch({ type: "reveal", paragraphKey });
    listTop.current?.scrollIntoView({ block: "start" });
  };
  return (
    <>
      {count > 0 ? (
        <div className="pointer-events-none sticky top-20 z-10 -mb-10 flex h-10 justify-center">
          <button
            type="button"
            onClick={reveal}
            className="pointer-events-auto h-9 rounded-full bg-accent px-4 text-sm font-semibold text-accent-fg shadow-lg hover:brightness-110"
            data-testid="new-comments"
          >
            ↑ {t("newComments", { count })}
          </button>
        </div>
      ) : null}
      <span role="status" className="sr-only">
        {count > 0 ? t("newComments", { count }) : ""}
      </span>
    </>
  );
}
