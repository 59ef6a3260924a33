/**
 * comments.preview through the router: anyone drafting a comment may preview it, with the same
 * normalization and limits as posting, and a client that previews too often is told to wait,
 * counted by account when signed in and by address when not.
 */
import { describe, expect, it } from "vitest";
import { useCommentTestDatabase } from "@/server/comments/testing/comment-test-context.ts";
import { createTestCaller, createTestUser } from "@/server/test/caller.ts";
import { refusal } from "@/server/test/refusal.ts";
import { commentBodyLimits } from "./normalize-body.ts";
import { previewRateLimit } from "./preview.ts";

const context = useCommentTestDatabase();

let addressCount = 0;
/** A signed-out visitor from an address of its own, so each test starts with a fresh count. */
const visitor = () => createTestCaller({ db: context.db, request: { ip: `203.0.113.${++addressCount}` } });

describe("comments.preview", () => {
  it("renders a signed-out reader's draft with the same normalization and limits as posting", async () => {
    const anyone = visitor();
    expect(await anyone.comments.preview({ body: "**粗**\u200B [链接](https://example.org)" })).toEqual({
      html: '<p><strong>粗</strong> <a href="https://example.org" rel="nofollow ugc noopener" target="_blank">链接</a></p>',
    });
    // Inert, like a posted comment.
    expect((await anyone.comments.preview({ body: "<script>alert(1)</script>" })).html).not.toContain("<script");
    expect((await refusal(() => anyone.comments.preview({ body: "  \u200B " }))).message).toBe("评论不能为空。");
    const tooLong = await refusal(() => anyone.comments.preview({ body: "字".repeat(commentBodyLimits.max + 1) }), "en");
    expect(tooLong.code).toBe("BAD_REQUEST");
    expect(tooLong.message).toBe(`The comment is too long: at most 10,000 characters, and it has 10,001.`);
  });

  it("renders a signed-in reader's draft too", async () => {
    const reader = createTestCaller({ db: context.db, user: await createTestUser(context.db) });
    expect(await reader.comments.preview({ body: "*斜*" })).toEqual({ html: "<p><em>斜</em></p>" });
  });

  it("tells a client that previews more than 30 times a minute to wait, and no one else", async () => {
    expect(previewRateLimit).toEqual({ max: 30, windowMs: 60_000 });
    const busy = visitor();
    for (let i = 0; i < previewRateLimit.max; i++) await busy.comments.preview({ body: `第 ${i} 稿` });
    const refused = await refusal(() => busy.comments.preview({ body: "再来一次" }), "en");
    expect(refused.code).toBe("TOO_MANY_REQUESTS");
    expect(refused.message).toMatch(/^You are previewing too often\. Try again in \d+ s\.$/);
    expect((await refusal(() => busy.comments.preview({ body: "再来一次" }))).message).toMatch(/^预览太频繁了，请 \d+ 秒后再试。$/);

    // Another address, and a signed-in reader behind the same address, still preview.
    expect(await visitor().comments.preview({ body: "别人" })).toEqual({ html: "<p>别人</p>" });
    const sameAddress = createTestCaller({ db: context.db, user: await createTestUser(context.db), request: { ip: `203.0.113.${addressCount - 1}` } });
    expect(await sameAddress.comments.preview({ body: "我" })).toEqual({ html: "<p>我</p>" });
  });
});
