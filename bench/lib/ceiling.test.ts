import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { Cleanups } from "./cleanup.ts";
import { startCeilingServer, headersToRepeat } from "./ceiling.ts";
import { freePort } from "./environment.ts";
import { getRaw } from "./http.ts";

const projectDir = path.resolve(import.meta.dirname, "../..");
const scratchDir = fs.mkdtempSync(path.join(os.tmpdir(), "ceiling-test-"));
afterAll(() => fs.rmSync(scratchDir, { recursive: true, force: true }));

describe("headersToRepeat", () => {
  it("drops the headers a server computes per response and keeps the rest", () => {
    expect(
      headersToRepeat({
        date: "Wed",
        connection: "keep-alive",
        "content-length": "3",
        "content-type": "text/html",
        "content-security-policy": "script-src 'sha256-x'",
      }),
    ).toEqual({ "content-type": "text/html", "content-security-policy": "script-src 'sha256-x'" });
  });
});

describe("startCeilingServer", () => {
  it("answers any path with the captured bytes and headers, and is gone once stopped", async () => {
    const cleanups = new Cleanups();
    const body = Buffer.from("<!doctype html><h1>退圈</h1>");
    const ceiling = await startCeilingServer(cleanups, {
      projectDir,
      port: await freePort(),
      body,
      headers: { "content-type": "text/html; charset=utf-8", "x-frame-options": "DENY", date: "yesterday" },
      scratchDir,
    });
    const answer = await getRaw(`${ceiling.baseUrl}/anything`);
    expect(answer.status).toBe(200);
    expect(answer.body.equals(body)).toBe(true);
    expect(answer.headers["x-frame-options"]).toBe("DENY");
    expect(answer.headers["content-length"]).toBe(String(body.length));
    expect(answer.headers.date).not.toBe("yesterday");

    await ceiling.stop();
    expect(ceiling.process.hasExited()).toBe(true);
    expect(() => process.kill(ceiling.process.pid, 0)).toThrow();
    await expect(getRaw(`${ceiling.baseUrl}/`, {}, 2000)).rejects.toThrow();
  });
});
