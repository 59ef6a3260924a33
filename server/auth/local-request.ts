/**
 * Whether a request comes from this machine, for pages only a local developer may see (the dev
 * outbox, which holds working sign-in links).
 *
 * Headers a client sends prove nothing: X-Forwarded-For is written by whoever connects, and
 * Next.js only fills it in when it is missing. So the custom server (server/http/) stamps every
 * request with the socket's remote address in `remoteAddressHeader`, replacing any such header
 * the client sent (stampRemoteAddress). A request without the stamp is not local.
 * On top of that, the Host must name this machine (a DNS-rebinding page cannot), and any
 * forwarding header must name only loopback (a local reverse proxy forwarding a remote reader).
 */
import type { IncomingMessage } from "node:http";
import { isLocalHostname } from "@/server/config/index.ts";

export const remoteAddressHeader = "x-tuiquan-remote-address";

/** For the custom server: call on every request before Next.js sees it. */
export function stampRemoteAddress(req: IncomingMessage): void {
  req.headers[remoteAddressHeader] = req.socket.remoteAddress ?? "";
}

/** 127.0.0.0/8, ::1 and their IPv4-mapped IPv6 forms. */
export function isLoopbackAddress(address: string | null | undefined): boolean {
  if (!address) return false;
  const value = address.trim().toLowerCase().replace(/^\[|\]$/g, "");
  if (value === "::1" || value === "0:0:0:0:0:0:0:1") return true;
  const v4 = value.startsWith("::ffff:") ? value.slice("::ffff:".length) : value;
  return /^127\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.test(v4);
}

function hostnameOf(host: string): string | null {
  try {
    return new URL(`http://${host}`).hostname;
  } catch {
    return null;
  }
}

/** Addresses named by X-Forwarded-For, X-Real-IP and Forwarded (for=…). */
function forwardedAddresses(headers: Headers): string[] {
  const addresses: string[] = [];
  for (const entry of (headers.get("x-forwarded-for") ?? "").split(",")) if (entry.trim()) addresses.push(entry.trim());
  const realIp = headers.get("x-real-ip");
  if (realIp) addresses.push(realIp.trim());
  for (const match of (headers.get("forwarded") ?? "").matchAll(/for="?([^";,]+)"?/gi)) {
    // Forwarded: for="[::1]:1234" or for=127.0.0.1:1234
    const value = match[1]!.trim();
    addresses.push(value.startsWith("[") ? value.slice(1, value.indexOf("]")) : value.replace(/:\d+$/, ""));
  }
  return addresses;
}

export function isLocalRequest(headers: Headers, site: { isLocalSite: boolean }): boolean {
  if (!site.isLocalSite) return false;
  if (!isLoopbackAddress(headers.get(remoteAddressHeader))) return false;
  const hostname = hostnameOf(headers.get("host") ?? "");
  if (!hostname || !isLocalHostname(hostname)) return false;
  return forwardedAddresses(headers).every(isLoopbackAddress);
}
