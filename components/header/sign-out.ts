/**
 * Signs out through next-auth v4's own endpoint (POST /api/auth/signout with its CSRF token),
 * which is all next-auth/react's signOut does, without shipping that library to every page.
 */
export async function signOut(): Promise<void> {
  const csrf = await fetch("/api/auth/csrf", { credentials: "same-origin" });
  if (!csrf.ok) throw new Error(`csrf ${csrf.status}`);
  const { csrfToken } = (await csrf.json()) as { csrfToken?: string };
  if (!csrfToken) throw new Error("no csrf token");
  const response = await fetch("/api/auth/signout", {
    method: "POST",
    credentials: "same-origin",
    headers: { "Content-Type": "application/x-www-form-urlencoded", "X-Auth-Return-Redirect": "1" },
    body: new URLSearchParams({ csrfToken, callbackUrl: window.location.href, json: "true" }),
  });
  if (!response.ok) throw new Error(`signout ${response.status}`);
}
