/**
 * Who is on the other end of a request, stamped by the custom server on every request before Next
 * sees it, replacing any header of the same name the client sent (so it cannot be forged):
 * - the socket's own address (remoteAddressHeader), for the localhost-only pages;
 * - the reader's address (clientAddressHeader): the first X-Forwarded-For hop when TRUST_PROXY says
 *   a proxy we run sits in front, otherwise the socket's address. For rate limits and audit.
 */
import type { IncomingMessage } from "node:http";
import { isIP } from "node:net";
import { remoteAddressHeader } from "@/server/auth/local-request.ts";

export const clientAddressHeader = "x-tuiquan-client-address";

export function stampClientAddresses(req: IncomingMessage, trustProxy: boolean): void {
  const socketAddress = req.socket.remoteAddress ?? "";
  req.headers[remoteAddressHeader] = socketAddress;
  const forwardedFor = req.headers["x-forwarded-for"];
  const firstHop = (Array.isArray(forwardedFor) ? forwardedFor[0] : forwardedFor)?.split(",")[0]?.trim();
  req.headers[clientAddressHeader] = (trustProxy && firstHop) || socketAddress;
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
