/**
 * Where the server listens. A local site (SITE_URL on localhost, or unset) is for this machine
 * only: it listens on the loopback interfaces, 127.0.0.1 and ::1, so nobody on the same network
 * (a café's Wi-Fi, a shared office) can reach a development server, its dev outbox of working
 * sign-in links, or a generated AUTH_SECRET's sessions. A public site listens on every interface.
 *
 * One node:http server listens on one address, so a local site gets one per loopback address,
 * sharing the handler. ::1 is skipped where the machine has no IPv6 (a container without it).
 */
import { once } from "node:events";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";

export const loopbackHosts = ["127.0.0.1", "::1"] as const;

/** The addresses to listen on; `undefined` is every interface. */
export function listenHosts(site: { isLocalSite: boolean }): readonly (string | undefined)[] {
  return site.isLocalSite ? loopbackHosts : [undefined];
}

/** Errors that mean "this machine has no such address", not "the port is taken". */
const unavailable = new Set(["EADDRNOTAVAIL", "EAFNOSUPPORT"]);

/**
 * Listens on every host of `hosts` with the same port: `port`, or (0) the one the first host got.
 * The first host must work; a later one the machine lacks is skipped. Returns the listening servers.
 */
export async function listenOnHosts(createServer: () => Server, hosts: readonly (string | undefined)[], port: number): Promise<{ servers: Server[]; port: number }> {
  const servers: Server[] = [];
  let chosenPort = port;
  for (const [index, host] of hosts.entries()) {
    const server = createServer();
    try {
      server.listen(chosenPort, host);
      await once(server, "listening");
    } catch (error) {
      if (index > 0 && unavailable.has((error as NodeJS.ErrnoException).code ?? "")) continue;
      await Promise.all(servers.map((listening) => new Promise((resolve) => listening.close(resolve))));
      throw error;
    }
    servers.push(server);
    chosenPort = (server.address() as AddressInfo).port;
  }
  return { servers, port: chosenPort };
}
