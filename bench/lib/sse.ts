/**
 * A server-sent events reader for the live benchmark: fed the bytes of a `text/event-stream` as
 * they arrive (in any split), it hands over each complete event. The rules are the spec's
 * (https://html.spec.whatwg.org/multipage/server-sent-events.html#event-stream-interpretation):
 * lines end with LF, CR or CRLF; a blank line ends an event; `:` lines are comments; several
 * `data:` lines join with LF; one space after the colon is dropped. Unlike a browser, it also
 * hands over events whose data is empty (tRPC's `ping` and `return`).
 */
export interface ServerSentEvent {
  /** "message" when the event has no `event:` line. */
  event: string;
  data: string;
  id: string | null;
}

export class SseReader {
  private buffer = "";
  private decoder = new TextDecoder();
  private event = "";
  private data: string[] = [];
  private id: string | null = null;

  constructor(private readonly onEvent: (event: ServerSentEvent) => void) {}

  push(chunk: Uint8Array | string): void {
    this.buffer += typeof chunk === "string" ? chunk : this.decoder.decode(chunk, { stream: true });
    for (;;) {
      const end = this.buffer.search(/\r\n|\r|\n/);
      if (end === -1) return;
      // A lone CR at the very end may be the first half of a CRLF still on its way.
      if (this.buffer[end] === "\r" && end === this.buffer.length - 1) return;
      const line = this.buffer.slice(0, end);
      this.buffer = this.buffer.slice(end + (this.buffer.startsWith("\r\n", end) ? 2 : 1));
      this.line(line);
    }
  }

  private line(line: string): void {
    if (line === "") {
      if (this.data.length > 0) this.onEvent({ event: this.event || "message", data: this.data.join("\n"), id: this.id });
      this.event = "";
      this.data = [];
      return;
    }
    if (line.startsWith(":")) return;
    const colon = line.indexOf(":");
    const field = colon === -1 ? line : line.slice(0, colon);
    let value = colon === -1 ? "" : line.slice(colon + 1);
    if (value.startsWith(" ")) value = value.slice(1);
    if (field === "event") this.event = value;
    else if (field === "data") this.data.push(value);
    else if (field === "id" && !value.includes("\0")) this.id = value;
  }
}
