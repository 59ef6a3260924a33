/**
 * Who is on the other end of a request, stamped by the custom server on every request before Next
 * sees it, replacing any header of the same name the client sent (so it cannot be forged):
 * - the socket's own address (remoteAddressHeader), for the localhost-only pages;
 * - the reader's address (clientAddressHeader): the first X-Forwarded-For hop when TRUST_PROXY says
 *   a proxy we run sits in front, otherwise the socket's address. For rate limits and audit.
 */
import type { IncomingMessage } from "node:http";
import { remoteAddressHeader } from "@/server/auth/local-request.ts";

export const clientAddressHeader = "x-tuiquan-client-address";

export function stampClientAddresses(req: IncomingMessage, trustProxy: boolean): void {
  const socketAddress = req.socket.remoteAddress ?? "";
  req.headers[remoteAddressHeader] = socketAddress;
  const forwardedFor = req.headers["x-forwarded-for"];
  const firstHop = (Array.isArray(forwardedFor) ? forwardedFor[0] : forwardedFor)?.split(",")[0]?.trim();
  req.headers[clientAddressHeader] = (trustProxy && firstHop) || socketAddress;
}
