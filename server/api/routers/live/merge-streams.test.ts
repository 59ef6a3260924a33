/** Several streams as one: values as they come, and no stream left running when the merge ends. */
import { describe, expect, it } from "vitest";
import { mergeStreams } from "./merge-streams.ts";

/** Yields `values`, then waits until its signal aborts; records that it ended. */
async function* stream(values: string[], signal: AbortSignal, ended: string[], name: string) {
  try {
    for (const value of values) yield value;
    await new Promise((resolve) => signal.addEventListener("abort", resolve, { once: true }));
  } finally {
    ended.push(name);
  }
}

describe("mergeStreams", () => {
  it("yields every stream's values and stops them all when the consumer leaves", async () => {
    const ended: string[] = [];
    const merged = mergeStreams((signal) => [stream(["a1", "a2"], signal, ended, "a"), stream(["b1"], signal, ended, "b")], undefined);
    const seen: string[] = [];
    for await (const value of merged) {
      seen.push(value);
      if (seen.length === 3) break;
    }
    expect(seen.sort()).toEqual(["a1", "a2", "b1"]);
    expect(ended.sort()).toEqual(["a", "b"]);
  });

  it("ends when the outer signal aborts, and passes on a stream's failure after stopping the others", async () => {
    const outer = new AbortController();
    const ended: string[] = [];
    const quiet = mergeStreams((signal) => [stream([], signal, ended, "quiet")], outer.signal);
    const next = quiet.next();
    outer.abort();
    expect(await next).toEqual({ done: true, value: undefined });

    async function* failing(): AsyncGenerator<string> {
      yield "x";
      throw new Error("gone");
    }
    const merged = mergeStreams((signal) => [failing(), stream([], signal, ended, "other")], undefined);
    expect((await merged.next()).value).toBe("x");
    await expect(merged.next()).rejects.toThrow("gone");
    expect(ended).toEqual(["quiet", "other"]);
  });
});
