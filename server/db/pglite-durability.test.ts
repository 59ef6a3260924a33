import fs, { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { afterEach, expect, it, vi } from "vitest";
import { openDatabase } from "./client.ts";

let dir: string | null = null;
afterEach(() => {
  vi.restoreAllMocks();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

it("syncs every commit of an on-disk PGlite to the disk", async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), "tuiquan-durable-"));
  const opened = await openDatabase({ kind: "pglite", dataDir: dir });
  const pglite = opened.pglite as PGlite;
  try {
    expect((await pglite.query<{ fsync: string }>("SHOW fsync")).rows[0]?.fsync).toBe("on");
    await pglite.exec("CREATE TABLE note (id serial PRIMARY KEY, body text)");
    const fsync = vi.spyOn(fs, "fsyncSync");
    for (let i = 0; i < 3; i++) await pglite.query("INSERT INTO note (body) VALUES ($1)", [`commit ${i}`]);
    expect(fsync.mock.calls.length).toBeGreaterThanOrEqual(3); // at least one WAL flush per commit
  } finally {
    await opened.close();
  }
});
