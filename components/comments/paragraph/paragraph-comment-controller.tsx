"use client";
/**
 * Makes every paragraph comment button of the essay page (ParagraphCommentButton) open the
 * discussion of its paragraph in place, with one listener: the URL gets ?paragraph=<key> (a new
 * history entry), the comment section is told (it loads at once if it had not yet) and scrolled
 * to. A modified click (new tab, new window) is left to the browser: the link works on its own.
 */
import { useEffect } from "react";
import { showParagraphDiscussion } from "./paragraph-filter.ts";

export function ParagraphCommentController() {
  useEffect(() => {
    function onClick(event: MouseEvent) {
      if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
      const link = (event.target as Element | null)?.closest<HTMLAnchorElement>("a[data-paragraph-comments]");
      const key = link?.dataset.paragraphComments;
      if (!key) return;
      event.preventDefault();
      showParagraphDiscussion(key);
      document.getElementById("comments")?.scrollIntoView({ block: "start" });
    }
    document.addEventListener("click", onClick);
    return () => document.removeEventListener("click", onClick);
  }, []);
  return null;
}
