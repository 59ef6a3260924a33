"use client";
/**
 * The header's language switch: sets the cookie, saves the choice for a signed-in reader
 * (me.update, loaded on demand) and reloads in the other language at the same reading position.
 */
import { useEffect, useState } from "react";
import type { AppLocale } from "@/server/i18n/locales.ts";
import { reloadKeepingScroll, restoreScrollAfterReload, setLocaleCookie } from "./locale-cookie.ts";

export function LanguageSwitch({ locale, label, switchTo }: { locale: AppLocale; label: string; switchTo: string }) {
  const [switching, setSwitching] = useState(false);
  const target: AppLocale = locale === "zh" ? "en" : "zh";

  useEffect(restoreScrollAfterReload, []);

  async function switchLanguage() {
    setSwitching(true);
    setLocaleCookie(target);
    try {
      const { saveLocaleForReader } = await import("@/components/header/save-locale.ts");
      await saveLocaleForReader(target);
    } catch {
      // The cookie already holds the choice: a failed save only means another device won't know.
    }
    reloadKeepingScroll();
  }

  return (
    <button
      type="button"
      data-testid="language-switch"
      onClick={switchLanguage}
      disabled={switching}
      aria-label={switchTo}
      title={switchTo}
      lang={target === "zh" ? "zh-CN" : "en"}
      className="inline-flex h-9 min-w-9 items-center justify-center gap-1.5 rounded-full px-2.5 text-sm font-medium text-muted transition-colors hover:bg-raised hover:text-fg disabled:opacity-60"
    >
      <svg viewBox="0 0 20 20" className="size-4" fill="none" stroke="currentColor" strokeWidth="1.5" aria-hidden="true">
        <circle cx="10" cy="10" r="7.25" />
        <path d="M2.75 10h14.5M10 2.75c2 2.1 3 4.5 3 7.25s-1 5.15-3 7.25c-2-2.1-3-4.5-3-7.25s1-5.15 3-7.25Z" />
      </svg>
      <span aria-hidden="true">{label}</span>
    </button>
  );
}
