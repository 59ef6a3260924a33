import { describe, expect, it } from "vitest";
import { renderSignInEmail } from "./sign-in-email.ts";

const url = "https://tuiquan.example/api/auth/callback/email?callbackUrl=%2F&token=abc&email=a%40b.cn";

describe("the sign-in email", () => {
  it("is written in Chinese for a Chinese reader, with an English summary", () => {
    const email = renderSignInEmail({ to: "a@b.cn", url, locale: "zh", host: "tuiquan.example" });
    expect(email.subject).toBe("登录退圈");
    expect(email.text).toContain(url);
    expect(email.text).toContain("链接 10 分钟内有效，且只能使用一次。");
    expect(email.text).toContain("The link expires in 10 minutes");
    expect(email.html).toContain('<html lang="zh-CN">');
    expect(email.html).toContain('lang="en"');
  });

  it("is written in English for an English reader, with a Chinese summary", () => {
    const email = renderSignInEmail({ to: "a@b.cn", url, locale: "en", host: "tuiquan.example" });
    expect(email.subject).toBe("Sign in to Tuiquan");
    expect(email.text).toContain("Someone (hopefully you) asked to sign in to Tuiquan as a@b.cn.");
    expect(email.text).toContain("链接 10 分钟内有效");
  });

  it("escapes the link and the address in HTML", () => {
    const email = renderSignInEmail({ to: "<x>@b.cn", url: `${url}&x="><script>`, locale: "en", host: "tuiquan.example" });
    expect(email.html).not.toContain("<script>");
    expect(email.html).not.toContain("<x>");
    expect(email.html).toContain("&amp;token=abc");
  });
});
