/** A response's body as the server meant it, whatever content-encoding it chose. */
import zlib from "node:zlib";
import type { RawResponse } from "./http.ts";

export function decodedBody(response: Pick<RawResponse, "body" | "headers">): Buffer {
  const encoding = String(response.headers["content-encoding"] ?? "").trim().toLowerCase();
  switch (encoding) {
    case "gzip":
      return zlib.gunzipSync(response.body);
    case "br":
      return zlib.brotliDecompressSync(response.body);
    case "deflate":
      return zlib.inflateSync(response.body);
    default:
      return response.body;
  }
}
