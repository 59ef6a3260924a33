/**
 * A local site is local: it listens on 127.0.0.1 and ::1 only, and cannot be reached through any
 * other address of this machine; a public site listens on every interface.
 */
import { once } from "node:events";
import { createServer, type Server } from "node:http";
import { connect, type AddressInfo } from "node:net";
import { mkdtempSync, rmSync } from "node:fs";
import { networkInterfaces, tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { loadServerConfig } from "@/server/config/index.ts";
import { listenHosts, listenOnHosts, loopbackHosts } from "./listen.ts";

let servers: Server[] = [];
afterEach(async () => {
  await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
  servers = [];
});

const answering = () => createServer((_req, res) => res.end("ok"));

/** Whether a TCP connection to host:port is accepted. */
async function reachable(host: string, port: number): Promise<boolean> {
  const socket = connect({ host, port });
  try {
    await once(socket, "connect");
    return true;
  } catch {
    return false;
  } finally {
    socket.destroy();
  }
}

/** This machine's addresses that are not loopback: what a neighbour on the network would connect to. */
function otherAddresses(): string[] {
  return Object.values(networkInterfaces())
    .flat()
    .filter((address) => address && !address.internal && !address.address.startsWith("fe80"))
    .map((address) => address!.address);
}

describe("where the server listens", () => {
  it("is loopback for a localhost site (also when SITE_URL is unset) and every interface for a public one", () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), "tuiquan-listen-"));
    try {
      expect(listenHosts(loadServerConfig({ DATA_DIR: dataDir }))).toEqual(loopbackHosts);
      expect(listenHosts(loadServerConfig({ DATA_DIR: dataDir, SITE_URL: "http://127.0.0.1:3000" }))).toEqual(loopbackHosts);
      const publicSite = { DATA_DIR: dataDir, SITE_URL: "https://tuiquan.example", AUTH_SECRET: "x".repeat(32), GITHUB_ID: "a", GITHUB_SECRET: "b" };
      expect(listenHosts(loadServerConfig(publicSite))).toEqual([undefined]);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it("a local site answers on 127.0.0.1 and ::1 on one port, and on no other address of this machine", async () => {
    const listening = await listenOnHosts(answering, listenHosts({ isLocalSite: true }), 0);
    servers = listening.servers;
    const addresses = servers.map((server) => (server.address() as AddressInfo).address);
    expect(addresses[0]).toBe("127.0.0.1");
    // ::1 wherever this machine has IPv6 loopback.
    expect(addresses.slice(1).every((address) => address === "::1")).toBe(true);
    expect(await (await fetch(`http://localhost:${listening.port}/`)).text()).toBe("ok");
    expect(await reachable("127.0.0.1", listening.port)).toBe(true);
    for (const address of otherAddresses()) expect(await reachable(address, listening.port), address).toBe(false);
  });

  it("a public site answers on every interface", async () => {
    const listening = await listenOnHosts(answering, listenHosts({ isLocalSite: false }), 0);
    servers = listening.servers;
    expect(await reachable("127.0.0.1", listening.port)).toBe(true);
    for (const address of otherAddresses()) expect(await reachable(address, listening.port), address).toBe(true);
  });

  it("refuses to start when the port is taken, and leaves nothing listening", async () => {
    const taken = await listenOnHosts(answering, ["127.0.0.1"], 0);
    servers = taken.servers;
    await expect(listenOnHosts(answering, ["::1", "127.0.0.1"], taken.port)).rejects.toMatchObject({ code: "EADDRINUSE" });
  });
});
