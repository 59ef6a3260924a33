"use client";
/**
 * Inside the comment section's island: shows the discussion of one paragraph while the URL has
 * ?paragraph=<key> (set by a margin button in place, by a link, or by Back and Forward), and the
 * whole section (children) otherwise. Also keeps the margin counts in sync (ParagraphMarginSync).
 */
import { useEffect, useState, type ReactNode } from "react";
import { ParagraphDiscussion } from "./paragraph-discussion.tsx";
import { paragraphFilterEvent, paragraphFromSearch, showParagraphDiscussion } from "./paragraph-filter.ts";
import { ParagraphMarginSync } from "./paragraph-margin-sync.tsx";

export function ParagraphFilterSwitch({ slug, children }: { slug: string; children: ReactNode }) {
  const [paragraphKey, setParagraphKey] = useState(() => paragraphFromSearch(window.location.search));

  useEffect(() => {
    const follow = () => setParagraphKey(paragraphFromSearch(window.location.search));
    window.addEventListener(paragraphFilterEvent, follow);
    window.addEventListener("popstate", follow);
    return () => {
      window.removeEventListener(paragraphFilterEvent, follow);
      window.removeEventListener("popstate", follow);
    };
  }, []);

  return (
    <>
      <ParagraphMarginSync slug={slug} />
      {paragraphKey ? (
        <ParagraphDiscussion
          key={paragraphKey}
          paragraphKey={paragraphKey}
          onShowAll={() => {
            showParagraphDiscussion(null);
            document.getElementById("comments")?.scrollIntoView({ block: "start" });
          }}
        />
      ) : (
        children
      )}
    </>
  );
}
