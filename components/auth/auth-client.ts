/**
 * The browser side of next-auth v4's endpoints, without next-auth/react: a CSRF token, then a
 * form POST with json=true so the answer is { url } (or our { error, message } refusal).
 */
export async function fetchCsrfToken(): Promise<string> {
  const response = await fetch("/api/auth/csrf", { credentials: "same-origin", cache: "no-store" });
  if (!response.ok) throw new Error(`csrf ${response.status}`);
  const { csrfToken } = (await response.json()) as { csrfToken?: string };
  if (!csrfToken) throw new Error("no csrf token");
  return csrfToken;
}

export type SignInAnswer =
  | { kind: "redirect"; url: string }
  /** next-auth sent the reader to its error page (error code) or back to sign-in (stale CSRF). */
  | { kind: "error"; code: string }
  /** Our own refusal: invalid address or too many emails, already in the reader's language. */
  | { kind: "refused"; error: string; message: string };

/** POST /api/auth/signin/<provider>. */
export async function postSignIn(provider: string, fields: Record<string, string>): Promise<SignInAnswer> {
  const csrfToken = await fetchCsrfToken();
  const response = await fetch(`/api/auth/signin/${encodeURIComponent(provider)}`, {
    method: "POST",
    credentials: "same-origin",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ ...fields, csrfToken, json: "true" }),
  });
  const body = (await response.json().catch(() => null)) as { url?: string; error?: string; message?: string } | null;
  if (!response.ok) {
    if (body?.message) return { kind: "refused", error: body.error ?? "refused", message: body.message };
    throw new Error(`signin ${response.status}`);
  }
  if (!body?.url) throw new Error("signin: no url");
  const url = new URL(body.url, window.location.origin);
  const error = url.searchParams.get("error");
  if (error) return { kind: "error", code: error };
  if (url.searchParams.get("csrf") === "true") return { kind: "error", code: "csrf" };
  return { kind: "redirect", url: url.toString() };
}
