/**
 * The tRPC endpoint's answers to bad requests, through the route's own exports: each is a JSON 4xx
 * in the reader's language, never a 500.
 */
import { beforeAll, describe, expect, it, vi } from "vitest";
import { useTestDatabase } from "@/server/test/database.ts";
import { setDatabaseForProcess } from "@/server/db/index.ts";
import { maxTrpcBodyBytes } from "@/server/http/trpc-error-response.ts";
import { createTestUser } from "@/server/test/caller.ts";
import { errorMessage } from "@/server/i18n/error-messages.ts";
import * as route from "./route.ts";

const database = useTestDatabase();
/** The route reads the process's database: this file's. */
const serveTestDatabase = () => setDatabaseForProcess(database());
beforeAll(serveTestDatabase);

const base = "http://localhost:3000/api/trpc";

type Locale = "zh" | "en";

function request(method: string, path: string, init: { body?: BodyInit; locale?: Locale; headers?: Record<string, string> } = {}) {
  const headers = new Headers(init.headers);
  if (init.locale) headers.set("cookie", `NEXT_LOCALE=${init.locale}`);
  if (init.body !== undefined && !headers.has("content-type")) headers.set("content-type", "application/json");
  return new Request(`${base}/${path}`, { method, headers, body: init.body, duplex: "half" } as RequestInit);
}

async function call(method: "GET" | "POST" | "PUT" | "DELETE", req: Request) {
  const response = await route[method](req);
  expect(response.headers.get("content-type")).toMatch(/^application\/json/);
  const body = (await response.json()) as { error?: { json: { message: string; data: { code: string; httpStatus: number } } } };
  return { status: response.status, body, error: body.error?.json };
}

describe("/api/trpc", () => {
  it("answers a query", async () => {
    const { status, body } = await call("GET", request("GET", "me.get"));
    expect(status).toBe(200);
    expect(body).toEqual({ result: { data: { json: null } } });
  });

  it.each([
    ["zh", "没有这个接口：essay.delete"],
    ["en", "There is no API endpoint named essay.delete."],
  ] as const)("answers an unknown path with 404 in %s", async (locale, message) => {
    const { status, error } = await call("GET", request("GET", "essay.delete", { locale }));
    expect(status).toBe(404);
    expect(error?.message).toBe(message);
    expect(error?.data.code).toBe("NOT_FOUND");
  });

  it.each([
    ["zh", "请求格式有误，无法解析（JSON 无效）。"],
    ["en", "The request could not be read (malformed JSON)."],
  ] as const)("answers a malformed JSON body with 400 in %s", async (locale, message) => {
    const { status, error } = await call("POST", request("POST", "me.update", { body: '{"json": {"name": ', locale }));
    expect(status).toBe(400);
    expect(error?.message).toBe(message);
  });

  it("answers malformed JSON in a query's input with 400", async () => {
    const { status, error } = await call("GET", request("GET", `essay.get?input=${encodeURIComponent("{nope")}`, { locale: "en" }));
    expect(status).toBe(400);
    expect(error?.data.code).toBe("PARSE_ERROR");
  });

  it("answers a mutation sent as GET, and a query sent as POST, with 405", async () => {
    const asGet = await call("GET", request("GET", "me.update", { locale: "en" }));
    expect(asGet.status).toBe(405);
    expect(asGet.error?.message).toBe("This endpoint does not accept that HTTP method.");
    const asPost = await call("POST", request("POST", "me.get", { body: "{}" }));
    expect(asPost.status).toBe(405);
    expect(asPost.error?.message).toBe("此接口不支持该请求方法。");
  });

  it("answers PUT and DELETE with 405 and the allowed methods", async () => {
    for (const method of ["PUT", "DELETE"] as const) {
      const response = await route[method](request(method, "me.update", { locale: "en" }));
      expect(response.status).toBe(405);
      expect(response.headers.get("allow")).toBe("GET, POST");
      expect(((await response.json()) as { error: { json: { message: string } } }).error.json.message).toBe(
        "This endpoint does not accept that HTTP method.",
      );
    }
  });

  it("refuses a body over 64 KB by its Content-Length with 413", async () => {
    const body = JSON.stringify({ json: { name: "x".repeat(maxTrpcBodyBytes) } });
    const { status, error } = await call("POST", request("POST", "me.update", { body, locale: "en", headers: { "content-length": String(body.length) } }));
    expect(status).toBe(413);
    expect(error?.message).toBe("The request is too large (the limit is 64 KB).");
    expect(error?.data.code).toBe("PAYLOAD_TOO_LARGE");
  });

  it("refuses a streamed body over 64 KB without reading it all", async () => {
    let pulled = 0;
    const chunk = new Uint8Array(16 * 1024).fill(0x20);
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled += chunk.byteLength;
        controller.enqueue(chunk);
      },
    });
    const { status } = await call("POST", request("POST", "me.update", { body: endless }));
    expect(status).toBe(413);
    expect(pulled).toBeLessThanOrEqual(maxTrpcBodyBytes + 3 * chunk.byteLength);
  });

  it("answers malformed JSON in a POST body with 400 in the reader's language", async () => {
    const { status, error } = await call("POST", request("POST", "me.update", { body: '{"json":', locale: "en" }));
    expect(status).toBe(400);
    expect(error?.data.code).toBe("PARSE_ERROR");
    expect(error?.message).toBe(errorMessage("en", "malformedRequest"));
  });

  it("hands a signed-in reader's mutation its body, read once by the route", async () => {
    const user = await createTestUser(database().db, { name: "旧名字" });
    const token = `route-test-${Date.now()}`;
    await database().db.session.create({ data: { sessionToken: token, userId: user.id, expires: new Date(Date.now() + 3600_000) } });
    const req = request("POST", "me.update", {
      body: JSON.stringify({ json: { name: "新名字" } }),
      headers: { cookie: `next-auth.session-token=${token}` },
    });
    const response = await route.POST(req);
    expect(response.status).toBe(200);
    expect(((await response.json()) as { result: { data: { json: { name: string } } } }).result.data.json.name).toBe("新名字");
    expect(await database().db.user.findUniqueOrThrow({ where: { id: user.id }, select: { name: true } })).toEqual({ name: "新名字" });
  });

  it("answers a mutation from a signed-out reader with 401, not a change", async () => {
    const { status, error } = await call("POST", request("POST", "me.update", { body: JSON.stringify({ json: { name: "新名字" } }), locale: "en" }));
    expect(status).toBe(401);
    expect(error?.message).toBe("Please sign in first.");
  });

  it.each([
    ["a batch whose input is not an object", "me.update,me.update?batch=1", "[1,2]"],
    ["a superjson envelope with hostile meta", "essay.get", JSON.stringify({ json: { slug: "a" }, meta: { values: { slug: ["weird"] } } })],
    ["a non-object input", "essay.get", "42"],
  ])("answers %s with a 4xx", async (_name, path, body) => {
    const method = path.startsWith("essay.get") ? "GET" : "POST";
    const req =
      method === "GET" ? request("GET", `${path}${path.includes("?") ? "&" : "?"}input=${encodeURIComponent(body)}`) : request("POST", path, { body });
    const errors = vi.spyOn(console, "error").mockImplementation(() => {});
    const { status } = await call(method, req);
    errors.mockRestore();
    expect(status).toBeGreaterThanOrEqual(400);
    expect(status).toBeLessThan(500);
  });

  it("logs an internal error with its cause but sends only a translated message", async () => {
    const errors = vi.spyOn(console, "error").mockImplementation(() => {});
    setDatabaseForProcess({
      ...database(),
      db: new Proxy({}, { get: () => { throw new Error("connection refused: secret-host:5432"); } }) as never,
      pglite: null,
      close: async () => {},
    });
    try {
      const response = await route.GET(request("GET", "me.get", { locale: "en", headers: { cookie: "NEXT_LOCALE=en; next-auth.session-token=abc" } }));
      const text = await response.text();
      expect(response.status).toBe(500);
      expect(text).not.toContain("secret-host");
      // The context (and so the reader's language) could not be made: the default language it is.
      expect(text).toContain("服务器出了点问题");
      expect(errors).toHaveBeenCalledWith(expect.stringContaining("[trpc] query me.get"), expect.objectContaining({ message: expect.stringContaining("secret-host") }));
    } finally {
      errors.mockRestore();
      serveTestDatabase();
    }
  });
});
