/**
 * What happens to a response body before it leaves: HTML gets a CSP with the hashes of its trusted
 * inline scripts, compressible bodies get compressed. Both are cached by body, so a static page
 * (the same bytes for every reader) costs one lookup and one byte comparison per request.
 */
import { hash } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { BufferDecision } from "./buffered-response.ts";
import { compress, isCompressible, minCompressBytes, negotiateEncoding, type Encoding } from "./compression.ts";
import { trustedScriptHashes } from "./inline-scripts.ts";
import { requestedHttpStatus } from "./status-marker.ts";
import type { PageCache } from "./page-cache.ts";
import { contentSecurityPolicy, type PolicyOptions } from "./security-headers.ts";

/** A body with everything derived from it. */
export interface FinishedBody {
  /** The body this entry was made for: a hit must be byte-equal (memcmp is ~10× faster than a hash). */
  body: Buffer;
  contentType: string;
  csp: string | null;
  encoded: Partial<Record<Exclude<Encoding, "identity">, Buffer>>;
  bytes: number;
}

/** Bodies are cached until their total size passes this; the oldest go first. */
const cacheBudgetBytes = 48 * 1024 * 1024;

export class ResponseFinisher {
  private readonly cache = new Map<string, FinishedBody>();
  private cachedBytes = 0;
  /** The CSP of a response that is not HTML (or whose HTML could not be read): no inline script at all. */
  readonly baseCsp: string;
  private readonly policy: PolicyOptions;

  constructor(policy: PolicyOptions) {
    this.policy = policy;
    this.baseCsp = contentSecurityPolicy(policy);
  }

  /** How to treat the response to `req`; `pages` keeps shareable pages (page-cache.ts) or reads (read-cache.ts). */
  decisionFor(req: IncomingMessage, pages?: { cache: Pick<PageCache, "store">; key: string }): BufferDecision {
    const encoding = negotiateEncoding(req.headers["accept-encoding"]);
    return {
      shouldBuffer: (res) => {
        // A 304's headers replace those of the page the browser has cached (RFC 9111 §4.3.4): the
        // script-less base policy would block that page's inline scripts. Send none; it keeps its own.
        if (res.statusCode === 304) res.removeHeader("content-security-policy");
        if (res.statusCode < 200 || res.statusCode === 204 || res.statusCode === 304) return false;
        if (res.hasHeader("content-encoding")) return false;
        const type = contentTypeOf(res);
        if (type.startsWith("text/event-stream")) return false;
        if (type.startsWith("text/html")) return true;
        return encoding !== "identity" && isCompressible(type);
      },
      finish: (res, body) => {
        const contentType = contentTypeOf(res);
        if (res.statusCode === 200 && contentType.startsWith("text/html")) {
          const status = requestedHttpStatus(body);
          if (status) {
            res.statusCode = status;
            res.setHeader("Cache-Control", "private, no-store");
          }
        }
        const finished = this.finished(contentType, body);
        if (finished.csp) res.setHeader("Content-Security-Policy", finished.csp);
        if (pages && req.method === "GET") pages.cache.store(pages.key, res, finished);
        return this.encode(res, finished, encoding);
      },
    };
  }

  /** The CSP and encodings of `body`, from the cache when the same bytes were seen before. */
  finished(contentType: string, body: Buffer): FinishedBody {
    const key = `${contentType}:${fingerprint(body)}`;
    let entry = this.cache.get(key);
    if (!entry || !entry.body.equals(body)) {
      if (entry) this.forget(key, entry);
      const csp = contentType.startsWith("text/html") ? contentSecurityPolicy(this.policy, trustedScriptHashes(body.toString("utf8"))) : null;
      entry = { body, contentType, csp, encoded: {}, bytes: body.length };
      this.cache.set(key, entry);
      this.cachedBytes += entry.bytes;
      this.evictOverBudget();
    }
    return entry;
  }

  /** Sets the encoding headers on `res` and returns the bytes to send. */
  encode(res: ServerResponse, finished: FinishedBody, encoding: Encoding): Buffer {
    const { body } = finished;
    if (!isCompressible(finished.contentType) || body.length < minCompressBytes) return body;
    appendVary(res, "Accept-Encoding");
    if (encoding === "identity") return body;
    let encoded = finished.encoded[encoding];
    if (!encoded) {
      encoded = compress(body, encoding);
      finished.encoded[encoding] = encoded;
      finished.bytes += encoded.length;
      this.cachedBytes += encoded.length;
      this.evictOverBudget();
    }
    if (encoded.length >= body.length) return body;
    res.setHeader("Content-Encoding", encoding);
    // The same resource in another encoding: a strong ETag would claim byte equality (RFC 9110 §8.8.3).
    const etag = res.getHeader("etag");
    if (typeof etag === "string" && !etag.startsWith("W/")) res.setHeader("ETag", `W/${etag}`);
    return encoded;
  }

  private forget(key: string, entry: FinishedBody): void {
    this.cache.delete(key);
    this.cachedBytes -= entry.bytes;
  }

  private evictOverBudget(): void {
    for (const [key, entry] of this.cache) {
      if (this.cachedBytes <= cacheBudgetBytes) break;
      this.forget(key, entry);
    }
  }
}

const sample = 2048;

/**
 * A cheap key for a body: its length and a hash of its start, middle and end. Hashing a whole
 * 130 KB page on every request would cost a third of what Next spends serving it; entries are
 * confirmed by comparing the bytes, so two bodies with the same key can never be confused.
 */
function fingerprint(body: Buffer): string {
  if (body.length <= 3 * sample) return `${body.length}:${hash("sha1", body, "base64")}`;
  const middle = Math.floor(body.length / 2) - sample / 2;
  const parts = Buffer.concat([body.subarray(0, sample), body.subarray(middle, middle + sample), body.subarray(body.length - sample)]);
  return `${body.length}:${hash("sha1", parts, "base64")}`;
}

export function contentTypeOf(res: ServerResponse): string {
  const value = res.getHeader("content-type");
  return (Array.isArray(value) ? value[0] : value?.toString())?.toLowerCase() ?? "";
}

function appendVary(res: ServerResponse, field: string): void {
  const current = res.getHeader("vary");
  const list = (Array.isArray(current) ? current.join(",") : (current?.toString() ?? "")).split(",").map((item) => item.trim()).filter(Boolean);
  if (list.includes("*") || list.some((item) => item.toLowerCase() === field.toLowerCase())) return;
  res.setHeader("Vary", [...list, field].join(", "));
}
