/**
 * The printed result: one Markdown table (pasteable into a closing note) and the lines under it
 * that compare the figures with the targets.
 */
import type { LoadResult } from "./load.ts";
import type { FirstLoadJs } from "./first-load-js.ts";

/** CPU used during a row's measured seconds, in cores (1 = one core fully busy). */
export interface CpuUse {
  loadGenerator: number;
  server: number | null;
  /** PostgreSQL's server processes on this machine (the PostgreSQL rows' database). */
  database: number | null;
  /** Everything else the machine ran meanwhile (builds, browsers, other people's tests). */
  others: number | null;
}

export interface Row {
  target: string;
  database: string;
  load: LoadResult | null;
  /** Why there is no measurement (the answer was wrong, the server did not start…). */
  failure?: string;
  peakRssBytes: number | null;
  /** requests/s of this row over the ceiling's, when compared. */
  shareOfCeiling?: number | null;
  cpu?: CpuUse;
  /** The target for this row. */
  goal?: Goal;
  /** What the check after the load found (exact tallies, nothing lost), when the row has one. */
  check?: string;
  /** True when the check found something wrong: the row then misses its goal whatever its speed. */
  checkFailed?: boolean;
}

/** An issue's target: a rate to reach and a p99 latency to stay under, either or both. */
export interface Goal {
  minPerSecond?: number;
  maxP99Ms?: number;
}

export interface Report {
  startedAt: Date;
  rows: Row[];
  /** The essay page rows that are held to the throughput and p99 targets. */
  pageRows: Row[];
  firstLoadJs: FirstLoadJs | null;
  firstLoadJsFailure?: string;
  notes: string[];
  setup: string;
  wallSeconds: number;
}

export const targets = { shareOfCeiling: 0.3, p99Ms: 50, firstLoadJsBytes: 130_000 } as const;

const integer = new Intl.NumberFormat("en-US", { maximumFractionDigits: 0 });

/** autocannon records whole milliseconds; 0 means under one. */
export function formatMs(ms: number): string {
  if (ms === 0) return "<1";
  return ms < 10 && !Number.isInteger(ms) ? ms.toFixed(1) : integer.format(ms);
}

export function formatMiB(bytes: number | null): string {
  return bytes === null ? "n/a" : `${integer.format(bytes / (1024 * 1024))} MiB`;
}

export function formatKb(bytes: number): string {
  return `${(bytes / 1000).toFixed(1)} kB`;
}

export function formatDuration(seconds: number): string {
  const minutes = Math.floor(seconds / 60);
  const rest = Math.round(seconds - minutes * 60);
  return minutes > 0 ? `${minutes} min ${rest} s` : `${rest} s`;
}

function cell(text: string): string {
  return text.replace(/\|/g, "\\|").replace(/\n/g, " ");
}

/** A rate: requests/s for most rows; "—" for rows that measure a delay, not a rate (live). */
function formatRate(perSecond: number): string {
  return Number.isFinite(perSecond) ? integer.format(perSecond) : "—";
}

export function goalMet(row: Row): boolean | null {
  if (!row.goal) return null;
  if (!row.load) return false;
  // No answer within the measured seconds leaves latencies of 0: that is no evidence of speed.
  if (row.load.totalRequests - row.load.errors <= 0) return false;
  const { minPerSecond, maxP99Ms } = row.goal;
  if (minPerSecond !== undefined && !(row.load.requestsPerSecond >= minPerSecond)) return false;
  if (maxP99Ms !== undefined && !(row.load.p99Ms <= maxP99Ms)) return false;
  return !row.checkFailed;
}

export function formatGoal(row: Row): string {
  if (!row.goal) return "";
  const parts: string[] = [];
  if (row.goal.minPerSecond !== undefined) parts.push(`≥ ${integer.format(row.goal.minPerSecond)}/s`);
  if (row.goal.maxP99Ms !== undefined) parts.push(`p99 ≤ ${integer.format(row.goal.maxP99Ms)} ms`);
  if (!row.load) return parts.join(", ");
  return `${parts.join(", ")}: ${verdict(goalMet(row) === true)}`;
}

export function tableRow(row: Row): string {
  const share = row.shareOfCeiling === undefined || row.shareOfCeiling === null ? "" : `${(row.shareOfCeiling * 100).toFixed(0)}%`;
  if (!row.load) {
    return `| ${cell(row.target)} | ${cell(row.database)} | **not measured:** ${cell(row.failure ?? "unknown")} | | | | ${formatMiB(row.peakRssBytes)} | | ${cell(formatGoal(row))} | ${cell(row.check ?? "")} |`;
  }
  const { load } = row;
  return [
    "",
    cell(row.target),
    cell(row.database),
    formatRate(load.requestsPerSecond),
    formatMs(load.p50Ms),
    formatMs(load.p99Ms),
    `${integer.format(load.errors)} / ${integer.format(load.non2xx)}`,
    formatMiB(row.peakRssBytes),
    share,
    cell(formatGoal(row)),
    cell(row.check ?? ""),
    "",
  ].join(" | ").trim();
}

/** autocannon is one thread: at this share of a core, it and not the server sets the pace. */
const loadGeneratorLimit = 0.9;
/** On a 2-core machine, half a core taken by others already moves the figures a lot. */
const otherProcessesLimit = 0.5;

function formatCpu(cpu: CpuUse): string {
  const cores = (value: number | null) => (value === null ? "n/a" : value.toFixed(2));
  return `${cores(cpu.loadGenerator)} / ${cores(cpu.server)} / ${cores(cpu.database)} / ${cores(cpu.others)}`;
}

function rowName(row: Row): string {
  return row.database === "—" ? row.target : `${row.target} on ${row.database}`;
}

function verdict(met: boolean): string {
  return met ? "met" : "**missed**";
}

export function renderReport(report: Report): string {
  const lines: string[] = [];
  lines.push(`### \`npm run bench\` — ${report.startedAt.toISOString().slice(0, 16).replace("T", " ")} UTC`, "");
  lines.push("| Target | Database | Requests/s | p50 ms | p99 ms | Errors / non-2xx | Server peak RSS | Share of ceiling | Goal | Check after the load |");
  lines.push("|---|---|--:|--:|--:|--:|--:|--:|---|---|");
  for (const row of report.rows) lines.push(tableRow(row));
  lines.push("");

  for (const row of report.pageRows) {
    if (!row.load || row.shareOfCeiling === undefined || row.shareOfCeiling === null) continue;
    const share = row.shareOfCeiling;
    lines.push(
      `- Essay page on ${row.database}: ${(share * 100).toFixed(0)}% of the bare \`node:http\` ceiling ` +
        `(target ≥ ${targets.shareOfCeiling * 100}%: ${verdict(share >= targets.shareOfCeiling)}), ` +
        `p99 ${formatMs(row.load.p99Ms)} ms (target ≤ ${targets.p99Ms} ms: ${verdict(row.load.p99Ms <= targets.p99Ms)}).` +
        (share > 1.05
          ? " Over 100%: the page is answered as fast as the bare server, so both hit the same limit (see the CPU line) and the difference is noise."
          : ""),
    );
  }
  if (report.firstLoadJs) {
    const js = report.firstLoadJs;
    lines.push(
      `- First-load JavaScript of \`/\` (gzip): ${formatKb(js.gzipBytes)} in ${js.scripts.length} scripts ` +
        `(target ≤ ${formatKb(targets.firstLoadJsBytes)}: ${verdict(js.gzipBytes <= targets.firstLoadJsBytes)}); ` +
        `inline scripts in the HTML, not counted: ${js.inlineScripts}, ${formatKb(js.inlineGzipBytes)} gzip.`,
    );
  } else if (report.firstLoadJsFailure) {
    lines.push(`- First-load JavaScript: not measured: ${report.firstLoadJsFailure}`);
  }
  const cpuRows = report.rows.filter((row) => row.load && row.cpu);
  if (cpuRows.length > 0) {
    const parts = cpuRows.map((row) => `${rowName(row)} ${formatCpu(row.cpu!)}`);
    lines.push(`- CPU in cores during the measured seconds (load generator / server / PostgreSQL / other processes): ${parts.join("; ")}.`);
    const saturated = cpuRows.filter((row) => row.cpu!.loadGenerator >= loadGeneratorLimit);
    if (saturated.length > 0) {
      lines.push(
        `- The load generator used a whole core for ${saturated.map(rowName).join(", ")}: ` +
          "those rows show how fast this machine can send and read the requests, not how fast the server can answer them.",
      );
    }
  }
  const crowded = cpuRows.filter((row) => (row.cpu!.others ?? 0) >= otherProcessesLimit);
  if (crowded.length > 0) {
    lines.push(
      `- **Other processes used ${otherProcessesLimit} cores or more** during ${crowded.map(rowName).join(", ")}: ` +
        "the machine was busy with something else, so these figures (and the shares of the ceiling) are noise; run again on a quiet machine.",
    );
  }
  for (const note of report.notes) lines.push(`- ${note}`);
  lines.push(`- ${report.setup}`);
  lines.push(`- Wall time of the whole run: ${formatDuration(report.wallSeconds)}.`);
  return lines.join("\n") + "\n";
}

/** The scripts behind the first-load figure, largest first, for whoever wants to shrink it. */
export function renderScriptList(js: FirstLoadJs): string {
  const lines = ["| Script | Bytes | gzip |", "|---|--:|--:|"];
  for (const script of [...js.scripts].sort((a, b) => b.gzipBytes - a.gzipBytes)) {
    lines.push(`| \`${cell(script.src)}\` | ${integer.format(script.bytes)} | ${formatKb(script.gzipBytes)} |`);
  }
  return lines.join("\n") + "\n";
}
