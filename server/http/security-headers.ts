/**
 * The security headers of every response, and the Content-Security-Policy they carry.
 * Why the policy looks like this: docs/security-headers.md.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import type { TLSSocket } from "node:tls";

export interface PolicyOptions {
  /** next dev: its client needs eval (React Refresh) and a WebSocket for HMR. */
  dev: boolean;
  /** Where sign-in forms may post and be redirected to besides this site (OAuth providers). */
  formActions?: string[];
}

/** The Content-Security-Policy, with `'sha256-…'` sources for the page's trusted inline scripts. */
export function contentSecurityPolicy(options: PolicyOptions, scriptHashes: readonly string[] = []): string {
  const scriptSrc = ["'self'", ...scriptHashes, ...(options.dev ? ["'unsafe-eval'"] : [])];
  const connectSrc = ["'self'", ...(options.dev ? ["ws:", "wss:"] : [])];
  return [
    "default-src 'self'",
    `script-src ${scriptSrc.join(" ")}`,
    // React and Next set style attributes (and next/font inline <style>): hashing those is not possible.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self' data:",
    `connect-src ${connectSrc.join(" ")}`,
    "object-src 'none'",
    "base-uri 'self'",
    `form-action ${["'self'", ...(options.formActions ?? [])].join(" ")}`,
    "frame-ancestors 'none'",
  ].join("; ");
}

/** Headers that are the same for every response. */
export const staticSecurityHeaders: Readonly<Record<string, string>> = {
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "strict-origin-when-cross-origin",
  // Old browsers that do not know frame-ancestors.
  "X-Frame-Options": "DENY",
  "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()",
  "Cross-Origin-Opener-Policy": "same-origin",
};

export const hstsValue = "max-age=63072000; includeSubDomains";

/**
 * Whether the reader reached us over https: a TLS socket, or (behind a proxy we trust,
 * TRUST_PROXY ≥ 1) X-Forwarded-Proto: https. HSTS over plain http is meaningless (RFC 6797 §7.2).
 */
export function isHttpsRequest(req: IncomingMessage, trustProxy: number): boolean {
  if ((req.socket as TLSSocket).encrypted) return true;
  if (trustProxy <= 0) return false;
  const forwarded = req.headers["x-forwarded-proto"];
  const first = (Array.isArray(forwarded) ? forwarded[0] : forwarded)?.split(",")[0]?.trim().toLowerCase();
  return first === "https";
}

export function setSecurityHeaders(req: IncomingMessage, res: ServerResponse, trustProxy: number): void {
  for (const [name, value] of Object.entries(staticSecurityHeaders)) res.setHeader(name, value);
  if (isHttpsRequest(req, trustProxy)) res.setHeader("Strict-Transport-Security", hstsValue);
}
