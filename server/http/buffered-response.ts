/**
 * Holds back a response's body until it is complete, so that headers depending on the whole body
 * (the CSP hashes of its inline scripts, Content-Encoding, Content-Length) can still be set.
 *
 * Next writes through the ordinary ServerResponse methods (writeHead, write, end, or a stream
 * piped into it); they are replaced on this one response object. The decision to buffer is taken
 * at the first write, when the status and Content-Type are known; responses that are not buffered
 * get the original methods back and pay nothing further.
 */
import type { OutgoingHttpHeader, OutgoingHttpHeaders, ServerResponse } from "node:http";

export interface BufferDecision {
  /** Called once, before the first byte of the body: buffer this response? */
  shouldBuffer(res: ServerResponse): boolean;
  /** The complete body; returns the body to send (headers may be changed on `res`). */
  finish(res: ServerResponse, body: Buffer): Buffer;
}

type WriteCallback = (error?: Error | null) => void;

export function bufferResponse(res: ServerResponse, decision: BufferDecision): void {
  const original = { writeHead: res.writeHead, write: res.write, end: res.end, flushHeaders: res.flushHeaders };
  let mode: "undecided" | "buffer" | "pass" = "undecided";
  let pendingHead: [number] | null = null;
  const chunks: Buffer[] = [];

  const restore = () => {
    // Own properties shadow the prototype's methods; deleting them brings the originals back.
    for (const name of ["writeHead", "write", "end", "flushHeaders"] as const) delete (res as unknown as Record<string, unknown>)[name];
  };

  const decide = () => {
    if (mode !== "undecided") return;
    mode = decision.shouldBuffer(res) ? "buffer" : "pass";
    if (mode === "pass") {
      restore();
      if (pendingHead) original.writeHead.call(res, pendingHead[0]);
    }
  };

  res.writeHead = function writeHead(statusCode: number, second?: unknown, third?: unknown) {
    // Keep status and headers on the response object (not yet sent) until the body is complete.
    res.statusCode = statusCode;
    let headers: OutgoingHttpHeaders | OutgoingHttpHeader[] | undefined;
    if (typeof second === "string") {
      res.statusMessage = second;
      headers = third as typeof headers;
    } else {
      headers = second as typeof headers;
    }
    if (Array.isArray(headers)) {
      for (let index = 0; index + 1 < headers.length; index += 2) res.setHeader(String(headers[index]), headers[index + 1] as string | string[]);
    } else if (headers) {
      for (const [name, value] of Object.entries(headers)) if (value !== undefined) res.setHeader(name, value);
    }
    pendingHead = [res.statusCode];
    return res;
  } as ServerResponse["writeHead"];

  res.flushHeaders = function flushHeaders() {
    decide();
    if (mode === "pass") original.flushHeaders.call(res);
  };

  res.write = function write(chunk: unknown, encodingOrCallback?: unknown, callback?: unknown): boolean {
    decide();
    if (mode === "pass") return (original.write as (...args: unknown[]) => boolean).call(res, chunk, encodingOrCallback, callback);
    const encoding = typeof encodingOrCallback === "string" ? (encodingOrCallback as BufferEncoding) : undefined;
    chunks.push(toBuffer(chunk, encoding));
    const done = (typeof encodingOrCallback === "function" ? encodingOrCallback : callback) as WriteCallback | undefined;
    if (done) process.nextTick(done);
    return true;
  } as ServerResponse["write"];

  res.end = function end(chunk?: unknown, encodingOrCallback?: unknown, callback?: unknown): ServerResponse {
    if (typeof chunk === "function") {
      callback = chunk;
      chunk = undefined;
    } else if (typeof encodingOrCallback === "function") {
      callback = encodingOrCallback;
      encodingOrCallback = undefined;
    }
    decide();
    if (mode === "pass") return (original.end as (...args: unknown[]) => ServerResponse).call(res, chunk, encodingOrCallback, callback);
    if (chunk !== undefined && chunk !== null) chunks.push(toBuffer(chunk, encodingOrCallback as BufferEncoding | undefined));
    restore();
    let body = chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks);
    try {
      body = decision.finish(res, body);
    } catch (error) {
      console.error("[http] could not finish a response; sending it unchanged:", error);
    }
    res.setHeader("Content-Length", body.length);
    return (original.end as (...args: unknown[]) => ServerResponse).call(res, body, callback);
  } as ServerResponse["end"];
}

function toBuffer(chunk: unknown, encoding: BufferEncoding | undefined): Buffer {
  if (Buffer.isBuffer(chunk)) return chunk;
  if (typeof chunk === "string") return Buffer.from(chunk, encoding ?? "utf8");
  if (chunk instanceof Uint8Array) return Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
  return Buffer.from(String(chunk));
}
