/**
 * Where a reader goes after signing in: only a path on this site. Anything else (another origin,
 * a protocol-relative "//host", a backslash trick, a javascript: URL) falls back to "/".
 */
const fallback = "/";

/**
 * Returns a same-origin path ("/account?x=1#y") for `value`, which may be a relative path or an
 * absolute URL on `siteOrigin`. Sign-in pages themselves are refused so a reader never loops back.
 */
export function safeCallbackPath(value: unknown, siteOrigin?: string): string {
  if (typeof value !== "string" || value.length === 0 || value.length > 2048) return fallback;
  // Control characters and backslashes are what browsers "repair" into another origin.
  if (/[\u0000-\u001f\u007f\\]/.test(value)) return fallback;

  const base = "http://callback.invalid";
  let url: URL;
  let relative: boolean;
  if (value.startsWith("/") && !value.startsWith("//")) {
    url = new URL(value, base);
    relative = true;
  } else if (siteOrigin) {
    try {
      url = new URL(value);
    } catch {
      return fallback;
    }
    relative = false;
    if (url.origin !== new URL(siteOrigin).origin) return fallback;
  } else {
    return fallback;
  }
  if (relative && url.origin !== base) return fallback;

  const path = `${url.pathname}${url.search}${url.hash}`;
  if (url.pathname === "/signin" || url.pathname.startsWith("/signin/")) return fallback;
  return path.startsWith("/") && !path.startsWith("//") ? path : fallback;
}
