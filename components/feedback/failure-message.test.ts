import { TRPCClientError } from "@trpc/client";
import { describe, expect, it } from "vitest";
import { failureMessage } from "./failure-message.ts";

describe("failureMessage", () => {
  it("shows the server's translated message", () => {
    const error = TRPCClientError.from({ error: { message: "你已经举报过这条评论了。", code: -32600, data: { code: "BAD_REQUEST", httpStatus: 400 } } });
    expect(failureMessage(error, "没有成功")).toBe("你已经举报过这条评论了。");
  });

  it("never shows the browser's network error", () => {
    expect(failureMessage(TRPCClientError.from(new TypeError("Failed to fetch")), "没有成功")).toBe("没有成功");
    expect(failureMessage(new TypeError("Failed to fetch"), "没有成功")).toBe("没有成功");
    expect(failureMessage(undefined, "没有成功")).toBe("没有成功");
  });
});
