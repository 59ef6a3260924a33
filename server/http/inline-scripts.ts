/**
 * Which inline <script>s of a page the Content-Security-Policy lets run, by hash.
 *
 * Next's App Router writes the page's RSC payload as inline scripts (self.__next_f.push(...)),
 * Turbopack a list of chunks to load, React writes small "instruction" scripts for streamed Suspense boundaries ($RC, $RS, $RX …),
 * and our layout has one theme script. A nonce would make every page dynamic, so instead the
 * server hashes the inline scripts of each HTML response (docs/security-headers.md).
 *
 * Only scripts whose whole text has one of those shapes are hashed, checked strictly enough that
 * an injected script cannot pass: a flight chunk must be a push of pure JSON data, a React
 * instruction must be React's own code (found verbatim in the React runtime that Next ships)
 * followed by calls with JSON arguments, and the theme script must be byte-identical. Anything
 * else gets no hash and the browser blocks it.
 */
import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { themeScript } from "@/components/theme/theme-script.ts";

const scriptElement = /<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi;
const executableType = /^\s*(?:|text\/javascript|application\/javascript|module)\s*$/i;

/** The text of every inline script in `html` that a browser would execute. */
export function inlineScripts(html: string): string[] {
  const scripts: string[] = [];
  for (const match of html.matchAll(scriptElement)) {
    const attributes = match[1] ?? "";
    if (/\ssrc\s*=/i.test(attributes)) continue;
    const type = /\stype\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/i.exec(attributes);
    if (type && !executableType.test(type[1] ?? type[2] ?? type[3] ?? "")) continue; // JSON-LD, templates: not run
    scripts.push(match[2] ?? "");
  }
  return scripts;
}

export function scriptHash(text: string): string {
  return `'sha256-${createHash("sha256").update(text, "utf8").digest("base64")}'`;
}

/** CSP hash sources for the trusted inline scripts of a page, without duplicates. */
export function trustedScriptHashes(html: string): string[] {
  const hashes = new Set<string>();
  for (const script of inlineScripts(html)) if (isTrustedInlineScript(script)) hashes.add(scriptHash(script));
  return [...hashes];
}

export function isTrustedInlineScript(text: string): boolean {
  return (
    text === themeScript || isFlightScript(text) || isTurbopackBootstrap(text) || devBuildId.test(text) || isReactInstructionScript(text)
  );
}

/** next dev: `self.__next_r="<build id>";var __nextHmrInitialVersion="<n>";` — string and number literals only. */
const devBuildId = /^self\.__next_r="[\w-]*";(?:var __nextHmrInitialVersion=(?:"[\w.-]*"|\d+);)?$/;

const turbopackBootstrap = /^\(globalThis\["TURBOPACK"\] \|\| \(globalThis\["TURBOPACK"\] = \[\]\)\)\.push\((\{.*\})\);?$/s;

/** Turbopack's chunk list: `(globalThis["TURBOPACK"] || …).push({<JSON data>})`. */
function isTurbopackBootstrap(text: string): boolean {
  const data = turbopackBootstrap.exec(text)?.[1];
  return data !== undefined && isJson(data);
}

const flightBootstrap = "(self.__next_f=self.__next_f||[]).push([0])";
const flightPush = /^self\.__next_f\.push\((\[.*\])\)$/s;

/** `(self.__next_f=self.__next_f||[]).push([0])` and `self.__next_f.push([<JSON data>])`. */
function isFlightScript(text: string): boolean {
  for (const statement of text.split(/;(?=self\.__next_f|\(self\.__next_f)/)) {
    if (statement === flightBootstrap) continue;
    const data = flightPush.exec(statement)?.[1];
    if (data === undefined || !isJson(data)) return false;
  }
  return true;
}

const trailingCall = /;?\$R[A-Z]{1,3}\(([^()]*)\);?$/;

/**
 * React's streaming instructions: optional function definitions, then calls like
 * `$RC("B:0","S:0")`. The definitions must be React's own code (in Next's React runtime); the
 * calls may only pass JSON data.
 */
function isReactInstructionScript(text: string): boolean {
  if (!text.includes("$R")) return false;
  let rest = text;
  for (let match = trailingCall.exec(rest); match; match = trailingCall.exec(rest)) {
    if (!isJson(`[${match[1]}]`)) return false;
    rest = rest.slice(0, match.index);
  }
  if (rest === "") return text !== "";
  return /^(?:\$R[A-Z]{1,3}=|requestAnimationFrame\()/.test(rest) && reactRuntimeContains(rest);
}

function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

let reactRuntimeSources: string[] | null = null;

/** The instruction code appears in Next's compiled React runtime as a string literal (escaped). */
function reactRuntimeContains(code: string): boolean {
  reactRuntimeSources ??= loadReactRuntimeSources();
  const escaped = code.replace(/\\/g, "\\\\").replace(/\n/g, "\\n");
  const forms = [code, escaped, escaped.replace(/'/g, "\\'"), escaped.replace(/"/g, '\\"')];
  return reactRuntimeSources.some((source) => forms.some((form) => source.includes(form)));
}

function loadReactRuntimeSources(): string[] {
  const require = createRequire(import.meta.url);
  const dir = path.join(path.dirname(require.resolve("next/package.json")), "dist/compiled/next-server");
  const mode = process.env.NODE_ENV === "development" ? "dev" : "prod";
  return readdirSync(dir)
    .filter((file) => file.startsWith("app-page") && file.endsWith(`.runtime.${mode}.js`))
    .map((file) => readFileSync(path.join(dir, file), "utf8"));
}
