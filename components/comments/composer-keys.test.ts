import { describe, expect, it } from "vitest";
import { bodyLength, isSubmitShortcut, type ComposerKey } from "./composer-keys.ts";

const key = (fields: Partial<ComposerKey>): ComposerKey => ({ key: "Enter", ctrlKey: false, metaKey: false, isComposing: false, keyCode: 13, ...fields });

describe("isSubmitShortcut", () => {
  it("submits on Ctrl+Enter and ⌘+Enter only", () => {
    expect(isSubmitShortcut(key({ ctrlKey: true }))).toBe(true);
    expect(isSubmitShortcut(key({ metaKey: true }))).toBe(true);
    expect(isSubmitShortcut(key({}))).toBe(false);
    expect(isSubmitShortcut(key({ key: "a", ctrlKey: true, keyCode: 65 }))).toBe(false);
  });

  it("never submits while an input method is composing", () => {
    expect(isSubmitShortcut(key({ ctrlKey: true, isComposing: true }))).toBe(false);
    expect(isSubmitShortcut(key({ ctrlKey: true, keyCode: 229 }))).toBe(false);
  });
});

describe("bodyLength", () => {
  it("counts code points of the trimmed NFC text", () => {
    expect(bodyLength("  退圈  ")).toBe(2);
    expect(bodyLength("𠮷")).toBe(1);
    expect(bodyLength("e\u0301")).toBe(1);
  });
});
