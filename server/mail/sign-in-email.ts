/**
 * The sign-in email, text and HTML, in the reader's language with a one-paragraph summary in the
 * other language (the address may be read on a device set to either). Copy: auth.json "email".
 *
 * The HTML is table-free and inline-styled: mail clients ignore <style> blocks and CSS variables.
 */
import type { AppLocale } from "@/server/i18n/locales.ts";
import { authT } from "@/server/auth/auth-messages.ts";

export interface SignInEmailInput {
  to: string;
  url: string;
  locale: AppLocale;
  /** The site's host name, shown in the signature so a reader can tell where the link leads. */
  host: string;
}

export interface RenderedEmail {
  subject: string;
  text: string;
  html: string;
}

export function renderSignInEmail({ to, url, locale, host }: SignInEmailInput): RenderedEmail {
  const t = authT(locale);
  const subject = t("email.subject");
  const signature = t("email.signature", { host });

  const text = [
    t("email.greeting"),
    "",
    t("email.intro", { email: to }),
    "",
    url,
    "",
    t("email.expires"),
    t("email.ignore"),
    "",
    "—",
    t("email.otherLanguage"),
    "",
    signature,
    "",
  ].join("\n");

  const html = `<!doctype html>
<html lang="${locale === "zh" ? "zh-CN" : "en"}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${escapeHtml(subject)}</title></head>
<body style="margin:0;padding:0;background:#fbfaf7;color:#1d1b18;font-family:-apple-system,BlinkMacSystemFont,'Segoe UI','PingFang SC','Hiragino Sans GB','Noto Sans CJK SC','Microsoft YaHei',sans-serif;">
<div style="display:none;max-height:0;overflow:hidden;">${escapeHtml(t("email.preheader"))}</div>
<div style="max-width:520px;margin:0 auto;padding:32px 20px;">
  <div style="font-size:20px;font-weight:700;letter-spacing:0.02em;margin-bottom:24px;">退圈 <span style="color:#8a8378;font-weight:400;">Tuiquan</span></div>
  <div style="background:#ffffff;border:1px solid #e6e1d8;border-radius:12px;padding:28px 24px;line-height:1.7;font-size:16px;">
    <p style="margin:0 0 12px;">${escapeHtml(t("email.greeting"))}</p>
    <p style="margin:0 0 24px;">${escapeHtml(t("email.intro", { email: to }))}</p>
    <p style="margin:0 0 24px;text-align:center;">
      <a href="${escapeHtml(url)}" style="display:inline-block;background:#a8321f;color:#ffffff;text-decoration:none;font-weight:600;padding:12px 28px;border-radius:8px;">${escapeHtml(t("email.button"))}</a>
    </p>
    <p style="margin:0 0 12px;color:#5f5950;font-size:14px;">${escapeHtml(t("email.expires"))}</p>
    <p style="margin:0 0 4px;color:#5f5950;font-size:14px;">${escapeHtml(t("email.plainLink"))}</p>
    <p style="margin:0 0 16px;font-size:13px;word-break:break-all;"><a href="${escapeHtml(url)}" style="color:#a8321f;">${escapeHtml(url)}</a></p>
    <p style="margin:0;color:#5f5950;font-size:14px;">${escapeHtml(t("email.ignore"))}</p>
  </div>
  <p style="margin:20px 0 0;color:#8a8378;font-size:13px;line-height:1.6;" lang="${locale === "zh" ? "en" : "zh-CN"}">${escapeHtml(t("email.otherLanguage"))}</p>
  <p style="margin:12px 0 0;color:#8a8378;font-size:12px;">${escapeHtml(signature)}</p>
</div>
</body>
</html>
`;
  return { subject, text, html };
}

function escapeHtml(value: string): string {
  return value
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");
}
