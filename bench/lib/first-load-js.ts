/**
 * First-load JavaScript of a page: every script its HTML loads by <script src>, fetched from the
 * app and gzipped (level 9, as the usual gzip-size tools do), summed. Inline scripts (the RSC
 * payload, the theme snippet) are counted apart: they are part of the HTML, not downloads.
 */
import zlib from "node:zlib";
import { getRaw } from "./http.ts";
import { decodedBody } from "./encoding.ts";

export interface ScriptSize {
  src: string;
  bytes: number;
  gzipBytes: number;
}

export interface FirstLoadJs {
  scripts: ScriptSize[];
  gzipBytes: number;
  inlineScripts: number;
  inlineGzipBytes: number;
}

const entities: Record<string, string> = { "&amp;": "&", "&quot;": '"', "&#x27;": "'", "&#39;": "'", "&lt;": "<", "&gt;": ">" };

function decodeAttribute(value: string): string {
  return value.replace(/&(?:amp|quot|#x27|#39|lt|gt);/g, (entity) => entities[entity] ?? entity);
}

/**
 * The src of every <script> tag a modern browser downloads, in order, without duplicates.
 * `nomodule` scripts (Next's legacy polyfills) are skipped: browsers that run modules do not
 * fetch them, and Next's own first-load figure leaves them out too.
 */
export function scriptSources(html: string): string[] {
  const sources: string[] = [];
  for (const tag of html.matchAll(/<script\b[^>]*>/gi)) {
    if (/\snomodule(?:[\s=>]|$)/i.test(tag[0])) continue;
    const src = /\ssrc\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/i.exec(tag[0]);
    const value = src?.[1] ?? src?.[2] ?? src?.[3];
    if (value && !sources.includes(decodeAttribute(value))) sources.push(decodeAttribute(value));
  }
  return sources;
}

/** The bodies of <script> tags without src (JSON-LD and other data blocks included). */
export function inlineScripts(html: string): string[] {
  const bodies: string[] = [];
  for (const match of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
    if (/\ssrc\s*=/i.test(match[1] ?? "")) continue;
    if ((match[2] ?? "").length > 0) bodies.push(match[2] ?? "");
  }
  return bodies;
}

export function gzipSize(bytes: Buffer | string): number {
  return zlib.gzipSync(bytes, { level: 9 }).length;
}

export async function measureFirstLoadJs(pageUrl: string, html: string): Promise<FirstLoadJs> {
  const scripts: ScriptSize[] = [];
  const sources = scriptSources(html);
  if (sources.length > 200) throw new Error(`${sources.length} scripts on one page: refusing to fetch them all`);
  for (const src of sources) {
    const url = new URL(src, pageUrl);
    if (url.origin !== new URL(pageUrl).origin) {
      throw new Error(`the page loads a script from another origin (${url.href}); the bench only measures its own`);
    }
    const response = await getRaw(url.href);
    if (response.status !== 200) throw new Error(`script ${src} answered ${response.status}`);
    const source = decodedBody(response);
    scripts.push({ src, bytes: source.length, gzipBytes: gzipSize(source) });
  }
  const inline = inlineScripts(html);
  return {
    scripts,
    gzipBytes: scripts.reduce((sum, script) => sum + script.gzipBytes, 0),
    inlineScripts: inline.length,
    inlineGzipBytes: inline.length === 0 ? 0 : gzipSize(inline.join("")),
  };
}
