/**
 * The allowlist that every rendered comment passes through last (hast-util-sanitize). It is ours,
 * not the GitHub default: only the elements the Markdown subset can produce, and on them only
 * the attributes it needs. Whatever an upstream bug lets through the parser stops here.
 */
import type { Schema } from "hast-util-sanitize";

export const commentLinkRel = ["nofollow", "ugc", "noopener"];

export const commentSanitizeSchema: Schema = {
  tagNames: ["p", "br", "strong", "em", "del", "code", "pre", "blockquote", "ul", "ol", "li", "a"],
  attributes: {
    // Absolute http(s) and mailto only; the protocols list below checks the scheme again.
    a: [["href", /^(?:https?:\/\/|mailto:)/], ["rel", ...commentLinkRel], ["target", "_blank"]],
    ol: [["start", /^\d{1,9}$/]],
  },
  // Every link, whoever made it, opens in a new tab without a handle on this page and without
  // lending it search ranking.
  required: { a: { rel: commentLinkRel, target: "_blank" } },
  protocols: { href: ["http", "https", "mailto"] },
  ancestors: { li: ["ol", "ul"] },
  // No id or name can be produced, so nothing can clobber a global; keep the prefix anyway.
  clobber: ["id", "name"],
  clobberPrefix: "user-content-",
  strip: ["script", "style"],
  allowComments: false,
  allowDoctypes: false,
};
