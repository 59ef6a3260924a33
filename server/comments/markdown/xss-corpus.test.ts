/**
 * Every payload of the XSS corpus (e2e/fixtures/xss-payloads.ts), alone and dressed in each
 * Markdown construct of the subset, renders to HTML that holds only allowlisted elements and
 * attributes and only http(s)/mailto links (audit-html.ts parses it as a browser would).
 */
import { describe, expect, it } from "vitest";
import { xssPayloads } from "@/e2e/fixtures/xss-payloads.ts";
import { auditCommentHtml } from "./audit-html.ts";
import { normalizeCommentBody } from "./normalize-body.ts";
import { renderCommentMarkdown } from "./render.ts";

const contexts: Record<string, (payload: string) => string> = {
  alone: (payload) => payload,
  "link text": (payload) => `[${payload}](https://example.com)`,
  "link target": (payload) => `[x](${payload})`,
  "image": (payload) => `![${payload}](${payload})`,
  "emphasis": (payload) => `**${payload}** _${payload}_ ~~${payload}~~`,
  "inline code": (payload) => `\`${payload}\``,
  "quote": (payload) => `> ${payload.replaceAll("\n", "\n> ")}`,
  "list item": (payload) => `- ${payload}\n1. ${payload}`,
};

function problemsOf(body: string): string[] {
  const html = renderCommentMarkdown(normalizeCommentBody(body));
  return auditCommentHtml(html).map((problem) => `${JSON.stringify(body)} → ${problem}\n  ${html}`);
}

describe("the XSS corpus", () => {
  it("has at least 300 distinct payloads", () => {
    expect(new Set(xssPayloads).size).toBe(xssPayloads.length);
    expect(xssPayloads.length).toBeGreaterThanOrEqual(300);
  });

  for (const [name, dress] of Object.entries(contexts)) {
    it(`renders every payload inert: ${name}`, () => {
      const problems = xssPayloads.flatMap((payload) => problemsOf(dress(payload)));
      expect(problems).toEqual([]);
    });
  }

  it("keeps the words of a script payload as visible text instead of dropping them", () => {
    const dropped = xssPayloads
      .filter((payload) => /<script>alert\(1\)<\/script>/i.test(payload))
      .filter((payload) => !renderCommentMarkdown(normalizeCommentBody(payload)).includes("alert(1)"));
    expect(dropped).toEqual([]);
  });
});
