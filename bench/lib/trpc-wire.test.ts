import superjson from "superjson";
import { describe, expect, it } from "vitest";
import { mutationBody, mutationPath, queryPath, readAnswer, readEventData } from "./trpc-wire.ts";

describe("tRPC wire format", () => {
  it("sends a query's input as superjson in ?input=, without batching", () => {
    const path = queryPath("comments.list", { sort: "top", limit: 20 });
    expect(path.startsWith("/api/trpc/comments.list?input=")).toBe(true);
    const input = new URL(path, "http://127.0.0.1").searchParams.get("input");
    expect(JSON.parse(input!)).toEqual({ json: { sort: "top", limit: 20 } });
    expect(queryPath("me.get")).toBe("/api/trpc/me.get");
  });

  it("sends a mutation's input as a superjson body", () => {
    expect(mutationPath("comments.create")).toBe("/api/trpc/comments.create");
    expect(JSON.parse(mutationBody({ body: "你好", parentId: "c1" }))).toEqual({ json: { body: "你好", parentId: "c1" } });
  });

  it("reads a result, restoring dates", () => {
    const createdAt = new Date("2026-11-25T12:00:00Z");
    const answer = readAnswer<{ id: string; createdAt: Date }>(JSON.stringify({ result: { data: superjson.serialize({ id: "c1", createdAt }) } }));
    expect(answer).toEqual({ ok: true, data: { id: "c1", createdAt } });
  });

  it("reads an error's code and message, and refuses what is not an answer", () => {
    const error = superjson.serialize({ message: "请 5 秒后再试", code: -32029, data: { code: "TOO_MANY_REQUESTS", httpStatus: 429 } });
    expect(readAnswer(JSON.stringify({ error }))).toEqual({ ok: false, code: "TOO_MANY_REQUESTS", message: "请 5 秒后再试" });
    expect(readAnswer("<html>")).toMatchObject({ ok: false, code: null });
    expect(readAnswer("{}")).toMatchObject({ ok: false, code: null });
  });

  it("reads a subscription event's data", () => {
    const data = JSON.stringify(superjson.serialize({ type: "scores", scores: [{ commentId: "c1", score: 3 }] }));
    expect(readEventData(data)).toEqual({ type: "scores", scores: [{ commentId: "c1", score: 3 }] });
  });
});
