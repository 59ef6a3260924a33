import { describe, expect, it } from "vitest";
import zlib from "node:zlib";
import { gzipSize, inlineScripts, scriptSources } from "./first-load-js.ts";

describe("scriptSources", () => {
  it("lists every script src once, in order, with entities decoded", () => {
    const html = `<head>
      <script src="/_next/static/chunks/a.js" async=""></script>
      <script async src='/_next/static/chunks/b.js?v=1&amp;x=2'></script>
      <script>self.__next_f.push([1,"x"])</script>
      <script src=/c.js></script>
      <script src="/_next/static/chunks/a.js" async=""></script>
      <link rel="preload" as="script" href="/not-a-script-tag.js">
    </head>`;
    expect(scriptSources(html)).toEqual(["/_next/static/chunks/a.js", "/_next/static/chunks/b.js?v=1&x=2", "/c.js"]);
  });

  it("leaves out nomodule polyfills, which module-capable browsers never download", () => {
    const html = `<script src="/polyfills.js" noModule=""></script><script src="/legacy.js" nomodule></script><script src="/main.js"></script>`;
    expect(scriptSources(html)).toEqual(["/main.js"]);
  });

  it("ignores data-src and similar attributes", () => {
    expect(scriptSources(`<script data-src="/lazy.js"></script>`)).toEqual([]);
  });
});

describe("inlineScripts", () => {
  it("keeps only scripts without src that have a body", () => {
    const html = `<script src="/a.js"></script><script>one()</script><script></script><script type="application/ld+json">{}</script>`;
    expect(inlineScripts(html)).toEqual(["one()", "{}"]);
  });
});

describe("gzipSize", () => {
  it("is the length of a gzip stream that decompresses to the input", () => {
    const source = "console.log('退圈');\n".repeat(500);
    const size = gzipSize(source);
    expect(size).toBeLessThan(Buffer.byteLength(source));
    expect(zlib.gunzipSync(zlib.gzipSync(source, { level: 9 })).toString()).toBe(source);
    expect(size).toBe(zlib.gzipSync(source, { level: 9 }).length);
  });
});
