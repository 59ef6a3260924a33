/**
 * Response compression, done here rather than by Next (next.config.ts has compress: false) because
 * the HTML must be hashed for the CSP before it is compressed, and because a static page is the
 * same bytes for every reader: its compressed forms are computed once and cached.
 */
import { brotliCompressSync, constants, gzipSync } from "node:zlib";

export type Encoding = "br" | "gzip" | "identity";

/** Types worth compressing; images and fonts are already compressed. */
export function isCompressible(contentType: string | undefined): boolean {
  if (!contentType) return false;
  const type = contentType.split(";")[0]!.trim().toLowerCase();
  return (
    type.startsWith("text/") ||
    type === "application/json" ||
    type === "application/javascript" ||
    type === "application/manifest+json" ||
    type === "image/svg+xml" ||
    type === "text/x-component"
  );
}

/** The best encoding the client accepts: br, then gzip (q=0 excludes). */
export function negotiateEncoding(acceptEncoding: string | string[] | undefined): Encoding {
  const header = Array.isArray(acceptEncoding) ? acceptEncoding.join(",") : (acceptEncoding ?? "");
  if (!header) return "identity";
  const accepted = new Map<string, number>();
  for (const part of header.toLowerCase().split(",")) {
    const [name, ...params] = part.trim().split(";");
    if (!name) continue;
    const q = params.map((param) => /^\s*q=([\d.]+)\s*$/.exec(param)?.[1]).find(Boolean);
    accepted.set(name.trim(), q === undefined ? 1 : Number(q));
  }
  const quality = (name: string) => accepted.get(name) ?? accepted.get("*") ?? 0;
  if (quality("br") > 0) return "br";
  if (quality("gzip") > 0) return "gzip";
  return "identity";
}

/** Below this a compressed body is not worth the CPU or the Vary header. */
export const minCompressBytes = 1024;

export function compress(body: Buffer, encoding: Exclude<Encoding, "identity">): Buffer {
  if (encoding === "br") {
    // Quality 5: close to the best ratio for HTML at a fraction of quality 11's time; the result
    // of a static page is cached, dynamic ones are compressed per request.
    return brotliCompressSync(body, {
      params: { [constants.BROTLI_PARAM_QUALITY]: 5, [constants.BROTLI_PARAM_SIZE_HINT]: body.length },
    });
  }
  return gzipSync(body, { level: 6 });
}
