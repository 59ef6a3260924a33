/**
 * Watched words (docs/moderation.md, "Watched words") on the comment's text and its link URLs.
 * The strongest action of all matches decides: block refuses with a message that names no term
 * (naming it teaches the workaround), hold waits for review, flag stays visible with a system
 * report, censor stores the text with the matched spans masked. The spans go to the audit log, so
 * the console highlights exactly what matched.
 */
import { appError } from "@/server/api/errors.ts";
import type { MatchedSpan } from "@/server/api/routers/moderation/schemas.ts";
import { renderCommentMarkdown } from "@/server/comments/markdown/render.ts";
import { strongestAction, type WatchedField, type WatchedMatch } from "../watched-words/index.ts";
import { linksOf } from "../links.ts";
import type { Phase } from "./context.ts";

export const watchedWordsPhase: Phase = ({ draft, watchList }) => {
  if (!watchList) return undefined;
  const matches = [
    ...watchList.match(draft.body, "body").map((m) => ({ m, field: "body" as const })),
    ...draft.links.flatMap((link) => watchList.match(link, "link").map((m) => ({ m, field: "link" as const }))),
  ];
  const strongest = strongestAction(matches.map(({ m }) => m));
  if (strongest === null) return undefined;
  const spans = matches.map(({ m, field }) => spanOf(m, field));
  switch (strongest) {
    case "block":
      return { kind: "refuse", rule: "watched_word", error: appError("BAD_REQUEST", "moderation.comments.blockedWords"), log: { spans } };
    case "hold":
      return { kind: "hold", rule: "watched_word", spans };
    case "flag":
      return { kind: "flag", rule: "watched_word", spans };
    case "censor": {
      const body = watchList.censor(draft.body, "body");
      const bodyHtml = renderCommentMarkdown(body);
      return { kind: "censor", rule: "watched_word", spans, draft: { body, bodyHtml, links: linksOf(bodyHtml) } };
    }
  }
};

function spanOf(match: WatchedMatch, field: WatchedField): MatchedSpan {
  return { field, term: match.term, action: match.action, tag: match.tag, start: match.start, end: match.end, text: match.text };
}
