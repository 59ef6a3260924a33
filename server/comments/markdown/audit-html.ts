/**
 * An independent check of rendered comment HTML, for tests: parses it as a browser would
 * (parse5) and lists everything outside the allowlist. Deliberately does not reuse the sanitizer's
 * schema, so a mistake in the schema cannot also hide itself here.
 */
import type { Nodes } from "hast";
import { fromHtml } from "hast-util-from-html";

const allowedTags = new Set(["p", "br", "strong", "em", "del", "code", "pre", "blockquote", "ul", "ol", "li", "a"]);
const safeHref = /^(?:https?:\/\/[^\s]|mailto:[^\s])/;

/** What is wrong with the HTML, one line per problem; empty when it is safe. */
export function auditCommentHtml(html: string): string[] {
  const problems: string[] = [];
  const visit = (node: Nodes): void => {
    if (node.type === "element") {
      if (!allowedTags.has(node.tagName)) problems.push(`element <${node.tagName}>`);
      for (const [name, value] of Object.entries(node.properties)) {
        if (!attributeAllowed(node.tagName, name, value)) {
          problems.push(`attribute ${name}=${JSON.stringify(value)} on <${node.tagName}>`);
        }
      }
      if (node.tagName === "a" && (node.properties.href === undefined || node.properties.target !== "_blank")) {
        problems.push(`link without href or target: ${JSON.stringify(node.properties)}`);
      }
    } else if (node.type === "comment" || node.type === "doctype") {
      problems.push(`${node.type} node`);
    }
    if ("children" in node) for (const child of node.children) visit(child);
  };
  visit(fromHtml(html, { fragment: true }));
  return problems;
}

function attributeAllowed(tagName: string, name: string, value: unknown): boolean {
  if (tagName === "a") {
    if (name === "href") return typeof value === "string" && safeHref.test(value);
    if (name === "rel") return Array.isArray(value) && value.join(" ") === "nofollow ugc noopener";
    if (name === "target") return value === "_blank";
  }
  if (tagName === "ol" && name === "start") return typeof value === "number" && Number.isInteger(value);
  return false;
}
