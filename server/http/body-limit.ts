/**
 * /api/trpc takes at most 64 KB of body. Refused here, before Next reads anything: by the
 * declared Content-Length at once, and for a chunked body by counting bytes as they arrive,
 * holding them back from Next until the body is complete and known to be small enough.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { maxTrpcBodyBytes, trpcErrorAnswer } from "./trpc-error-response.ts";

export type BodyVerdict = "accepted" | "refused";

export function isTrpcRequestWithBody(req: IncomingMessage): boolean {
  return req.method !== "GET" && req.method !== "HEAD" && (req.url === "/api/trpc" || !!req.url?.startsWith("/api/trpc/"));
}

/**
 * Resolves "accepted" when the body may go on to Next (replayed untouched), or "refused" after
 * answering 413 and closing the connection without reading the rest.
 */
export function limitTrpcBody(req: IncomingMessage, res: ServerResponse, limit = maxTrpcBodyBytes): BodyVerdict | Promise<BodyVerdict> {
  const declared = req.headers["content-length"];
  if (declared !== undefined) {
    // Node's parser never delivers more than the declared length, so this check is enough.
    if (Number(declared) > limit) return refuse(req, res);
    return "accepted";
  }
  if (req.headers["transfer-encoding"] === undefined) return "accepted"; // no body

  // Node's HTTP parser hands each body chunk to req.push(); intercept it (see _http_common.js).
  const originalPush = req.push;
  const held: Buffer[] = [];
  let received = 0;
  return new Promise<BodyVerdict>((resolve) => {
    req.push = function push(chunk: unknown, encoding?: BufferEncoding): boolean {
      if (chunk === null) {
        req.push = originalPush;
        for (const part of held) originalPush.call(req, part);
        originalPush.call(req, null);
        resolve("accepted");
        return false;
      }
      received += (chunk as Buffer).length;
      if (received > limit) {
        req.push = () => true; // drop the rest; the connection closes after the answer
        held.length = 0;
        resolve(refuse(req, res));
        return true;
      }
      held.push(typeof chunk === "string" ? Buffer.from(chunk, encoding) : (chunk as Buffer));
      return true;
    };
    req.once("close", () => resolve("refused")); // the client went away mid-body
  });
}

function refuse(req: IncomingMessage, res: ServerResponse): BodyVerdict {
  const answer = trpcErrorAnswer(413, "PAYLOAD_TOO_LARGE", "payloadTooLarge", req.headers.cookie, { connection: "close" });
  res.writeHead(answer.status, { ...answer.headers, "content-length": Buffer.byteLength(answer.body) });
  res.end(answer.body, () => req.socket.destroy());
  return "refused";
}
