import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { cpuTicksFromStat, namedProcessesCpuSeconds, parentPidFromStat, processTree, sampleRss, statusFieldKb, treeCpuSeconds } from "./rss.ts";

describe("parentPidFromStat", () => {
  it("reads the parent pid even when the command name holds spaces and parentheses", () => {
    expect(parentPidFromStat("4242 (node (server) x) S 4200 4242 4242 0 -1 4194560")).toBe(4200);
  });

  it("returns null for text that is not a stat line", () => {
    expect(parentPidFromStat("garbage")).toBeNull();
  });
});

describe("cpuTicksFromStat", () => {
  it("adds user and system time (fields 14 and 15)", () => {
    const stat = "4242 (node (x)) S 4200 4242 4242 0 -1 4194560 100 0 0 0 250 40 0 0 20 0 11 0";
    expect(cpuTicksFromStat(stat)).toBe(290);
  });
});

describe("statusFieldKb", () => {
  const status = "Name:\tnode\nVmHWM:\t  204800 kB\nVmRSS:\t  102400 kB\n";
  it("reads VmRSS and VmHWM in kB", () => {
    expect(statusFieldKb(status, "VmRSS")).toBe(102400);
    expect(statusFieldKb(status, "VmHWM")).toBe(204800);
  });
});

describe.runIf(process.platform === "linux")("on this machine", () => {
  it("finds this process in its own tree and measures a plausible resident size", () => {
    expect(processTree(process.pid)[0]).toBe(process.pid);
    const peak = sampleRss(process.pid, 50).stop();
    expect(peak.treeBytes).toBeGreaterThan(10 * 1024 * 1024);
    expect(peak.largestProcessBytes).toBeGreaterThanOrEqual(process.memoryUsage().rss * 0.5);
  });

  it("counts the CPU time this process spends", () => {
    const before = treeCpuSeconds(process.pid)!;
    const until = Date.now() + 300;
    let spin = 0;
    while (Date.now() < until) spin += Math.sqrt(spin + 1);
    expect(spin).toBeGreaterThan(0);
    expect(treeCpuSeconds(process.pid)! - before).toBeGreaterThan(0.1);
  });

  it("counts the CPU time of the processes with a given command name, and none for an unknown name", () => {
    const stat = readFileSync("/proc/self/stat", "utf8");
    const ownName = stat.slice(stat.indexOf("(") + 1, stat.lastIndexOf(")"));
    const before = namedProcessesCpuSeconds(ownName)!;
    const until = Date.now() + 300;
    let spin = 0;
    while (Date.now() < until) spin += Math.sqrt(spin + 1);
    expect(spin).toBeGreaterThan(0);
    expect(namedProcessesCpuSeconds(ownName)! - before).toBeGreaterThan(0.1);
    expect(namedProcessesCpuSeconds("no-such-command-name")).toBe(0);
  });
});
