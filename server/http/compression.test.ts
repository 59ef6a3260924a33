import { describe, expect, it } from "vitest";
import { isCompressible, negotiateEncoding } from "./compression.ts";

describe("negotiateEncoding", () => {
  it.each([
    [undefined, "identity"],
    ["", "identity"],
    ["gzip, deflate, br, zstd", "br"],
    ["gzip", "gzip"],
    ["br;q=0, gzip;q=0.5", "gzip"],
    ["*", "br"],
    ["identity", "identity"],
    ["gzip;q=0, br;q=0", "identity"],
  ])("%s → %s", (header, expected) => {
    expect(negotiateEncoding(header)).toBe(expected);
  });
});

describe("isCompressible", () => {
  it.each([
    ["text/html; charset=utf-8", true],
    ["application/javascript; charset=UTF-8", true],
    ["application/json", true],
    ["text/x-component", true],
    ["image/svg+xml", true],
    ["image/png", false],
    ["font/woff2", false],
    [undefined, false],
  ])("%s → %s", (type, expected) => {
    expect(isCompressible(type)).toBe(expected);
  });
});
