"use client";
/**
 * Inside the comment section's island: shows the discussion of one paragraph while the URL has
 * ?paragraph=<key> (set by a margin button in place, by a link, or by Back and Forward), and the
 * whole section (children) otherwise. Also keeps the margin counts in sync (useParagraphMarginSync),
 * from the same live events.
 *
 * The live comment events are followed here, above both views, so that switching between them
 * neither reopens the stream nor drops an event: new comments wait in the section state, and each
 * view shows those that concern it behind its "N new comments" button.
 */
import { useEffect, useState, type ReactNode } from "react";
import { useComments } from "../comments-context.tsx";
import { useLiveComments } from "../use-live-comments.ts";
import { ParagraphDiscussion } from "./paragraph-discussion.tsx";
import { paragraphFilterEvent, paragraphFromSearch, showParagraphDiscussion } from "./paragraph-filter.ts";
import { OwnParagraphCommentProvider, useParagraphMarginSync } from "./paragraph-margin-sync.tsx";

export function ParagraphFilterSwitch({ slug, children }: { slug: string; children: ReactNode }) {
  const [paragraphKey, setParagraphKey] = useState(() => paragraphFromSearch(window.location.search));
  const { dispatch } = useComments();
  const margin = useParagraphMarginSync(slug);
  useLiveComments(slug, (action) => {
    dispatch(action);
    if (action.type === "event") margin.follow(action.event);
  });

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
    <OwnParagraphCommentProvider value={margin.countOwn}>
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
    </OwnParagraphCommentProvider>
  );
}
