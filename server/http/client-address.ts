/**
 * Who is on the other end of a request, stamped by the custom server on every request before Next
 * sees it, replacing any header of the same name the client sent (so it cannot be forged):
 * - the socket's own address (remoteAddressHeader), for the localhost-only pages;
 * - the reader's address (clientAddressHeader), for rate limits and the audit log: the proxies'
 *   word, never the client's (clientAddressOf). Nothing else may read X-Forwarded-For for that.
 */
import type { IncomingMessage } from "node:http";
import { isIP } from "node:net";
import { remoteAddressHeader } from "@/server/auth/local-request.ts";

export const clientAddressHeader = "x-tuiquan-client-address";

/**
 * The client's address when `trustedProxies` proxies we run sit in front (TRUST_PROXY), each
 * appending the address it was connected from to X-Forwarded-For (nginx:
 * `proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;`).
 *
 * The socket is the nearest proxy; the right-most `trustedProxies` entries were written by our
 * proxies, the right-most of them being the address the outermost one saw: the client. Everything
 * left of it came from the client and is never read, so a forged entry there changes nothing.
 * The entries we read must each be a bare IP address; when one is not, or there are fewer than
 * `trustedProxies` (a request that did not come through every proxy), the socket's address is used.
 */
export function clientAddressOf(socketAddress: string, forwardedFor: string | string[] | undefined, trustedProxies: number): string {
  if (trustedProxies <= 0 || forwardedFor === undefined) return socketAddress;
  const hops = (Array.isArray(forwardedFor) ? forwardedFor.join(",") : forwardedFor).split(",").map((hop) => hop.trim());
  if (hops.length < trustedProxies) return socketAddress;
  const ours = hops.slice(hops.length - trustedProxies);
  if (!ours.every((hop) => isIP(hop) !== 0)) return socketAddress;
  return ours[0]!;
}

export function stampClientAddresses(req: IncomingMessage, trustedProxies: number): void {
  const socketAddress = req.socket.remoteAddress ?? "";
  req.headers[remoteAddressHeader] = socketAddress;
  req.headers[clientAddressHeader] = clientAddressOf(socketAddress, req.headers["x-forwarded-for"], trustedProxies);
}

/**
 * The key a per-client limit counts under: an IPv4 address as is (also when written IPv4-mapped,
 * ::ffff:a.b.c.d), an IPv6 address by its /64 network, since one subscriber is usually given a
 * whole /64 and could otherwise take a fresh address for every request. "" when unknown.
 */
export function clientRateLimitKey(address: string | null | undefined): string {
  const value = (address ?? "").trim().toLowerCase();
  if (isIP(value) === 4) return value;
  if (isIP(value) !== 6) return "";
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(value);
  if (mapped) return mapped[1]!;
  const [head = "", tail] = value.split("::");
  const headGroups = head ? head.split(":") : [];
  const tailGroups = tail ? tail.split(":") : [];
  const groups = [...headGroups, ...Array<string>(Math.max(0, 8 - headGroups.length - tailGroups.length)).fill("0"), ...tailGroups];
  return `${groups.slice(0, 4).map((group) => group.replace(/^0+(?=.)/, "")).join(":")}::/64`;
}
