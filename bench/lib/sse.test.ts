import { describe, expect, it } from "vitest";
import { SseReader, type ServerSentEvent } from "./sse.ts";

function read(chunks: Array<string | Uint8Array>): ServerSentEvent[] {
  const events: ServerSentEvent[] = [];
  const reader = new SseReader((event) => events.push(event));
  for (const chunk of chunks) reader.push(chunk);
  return events;
}

describe("SseReader", () => {
  it("reads tRPC's connected event, messages with ids, and pings", () => {
    const stream = 'event: connected\ndata: {"reconnectAfterInactivityMs":8000}\n\ndata: {"json":1}\nid: 7\n\nevent: ping\ndata: \n\n';
    expect(read([stream])).toEqual([
      { event: "connected", data: '{"reconnectAfterInactivityMs":8000}', id: null },
      { event: "message", data: '{"json":1}', id: "7" },
      { event: "ping", data: "", id: "7" },
    ]);
  });

  it("joins an event split anywhere, even inside a multi-byte character or a CRLF", () => {
    const bytes = new TextEncoder().encode("data: 退圈\r\ndata: second\r\n\r\n");
    const chunks = Array.from(bytes, (byte) => Uint8Array.of(byte));
    expect(read(chunks)).toEqual([{ event: "message", data: "退圈\nsecond", id: null }]);
  });

  it("skips comments and waits for the blank line that ends an event", () => {
    expect(read([": keep-alive\n", "data: a\n"])).toEqual([]);
    expect(read([": keep-alive\n", "data: a\n", "\n"])).toEqual([{ event: "message", data: "a", id: null }]);
  });
});
