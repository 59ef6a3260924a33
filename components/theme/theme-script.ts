/**
 * Sets <html data-theme> before first paint, so a reader who chose dark never sees a light flash.
 *
 * A constant string on purpose: the server hashes the inline scripts of a page for its
 * Content-Security-Policy (docs/security-headers.md), so this must be byte-identical everywhere.
 * Keep it in step with themeStorageKey and the modes in theme-switch.tsx.
 */
export const themeStorageKey = "tuiquan-theme";

export const themeScript =
  '(function(){var d=document.documentElement,t;try{t=localStorage.getItem("tuiquan-theme")}catch(e){}' +
  'if(t!=="light"&&t!=="dark"){t=window.matchMedia&&matchMedia("(prefers-color-scheme: dark)").matches?"dark":"light"}' +
  "d.setAttribute(\"data-theme\",t)})()";
