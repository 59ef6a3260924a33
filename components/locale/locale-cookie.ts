/**
 * The interface-language cookie, written in the browser. The server reads it only in the
 * next.config.ts rewrites (which pick /zh/… or /en/…), so pages stay static per language.
 */
import { localeCookie, type AppLocale } from "@/server/i18n/locales.ts";

const oneYearSeconds = 60 * 60 * 24 * 365;
const scrollKey = "tuiquan-scroll-before-reload";

export function localeCookieString(locale: AppLocale, secure: boolean): string {
  return `${localeCookie}=${locale}; Max-Age=${oneYearSeconds}; Path=/; SameSite=Lax${secure ? "; Secure" : ""}`;
}

export function setLocaleCookie(locale: AppLocale): void {
  document.cookie = localeCookieString(locale, window.location.protocol === "https:");
}

/** Reloads the page in the new language and comes back to the same reading position. */
export function reloadKeepingScroll(): void {
  try {
    sessionStorage.setItem(scrollKey, JSON.stringify({ path: window.location.pathname, y: window.scrollY }));
    // We put the reader back ourselves; the browser's own restoration (or a jump to the URL's
    // #fragment) would land elsewhere, since the page is laid out again in another language.
    history.scrollRestoration = "manual";
  } catch {
    // Private mode without storage: the reload still works, from the top.
  }
  window.location.reload();
}

/** Called once after load: restores the position saved by reloadKeepingScroll, if it was this page. */
export function restoreScrollAfterReload(): void {
  let raw: string | null = null;
  try {
    raw = sessionStorage.getItem(scrollKey);
    sessionStorage.removeItem(scrollKey);
  } catch {
    return;
  }
  if (!raw) return;
  let saved: unknown;
  try {
    saved = JSON.parse(raw);
  } catch {
    return;
  }
  const { path, y } = (saved ?? {}) as { path?: unknown; y?: unknown };
  history.scrollRestoration = "auto";
  if (path !== window.location.pathname || typeof y !== "number") return;
  const restore = () => window.scrollTo({ top: y, behavior: "instant" });
  restore();
  // Again once everything has loaded and laid out: late layout (fonts) or a jump to the URL's
  // #fragment may have moved the page after hydration.
  if (document.readyState === "complete") window.requestAnimationFrame(restore);
  else window.addEventListener("load", () => window.requestAnimationFrame(restore), { once: true });
}
