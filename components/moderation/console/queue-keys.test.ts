import { describe, expect, it } from "vitest";
import { queueCommandFor, type KeyPress } from "./queue-keys.ts";

const press = (key: string, fields: Partial<KeyPress> = {}): KeyPress => ({
  key,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  isComposing: false,
  targetTag: "BODY",
  targetEditable: false,
  ...fields,
});

describe("queueCommandFor", () => {
  it("maps the console's letters", () => {
    expect(["j", "k", "a", "r", "f", "x", "s", "?"].map((key) => queueCommandFor(press(key)))).toEqual([
      "next",
      "previous",
      "approve",
      "reject",
      "feature",
      "select",
      "sanctions",
      "help",
    ]);
    expect(queueCommandFor(press("q"))).toBeNull();
    // Caps lock or Shift: "A" is not "a" (no accidental approvals while typing elsewhere).
    expect(queueCommandFor(press("A"))).toBeNull();
  });

  it("ignores keys typed into a field, with a modifier, or while an input method composes", () => {
    expect(queueCommandFor(press("a", { targetTag: "TEXTAREA" }))).toBeNull();
    expect(queueCommandFor(press("a", { targetTag: "INPUT" }))).toBeNull();
    expect(queueCommandFor(press("j", { targetTag: "SELECT" }))).toBeNull();
    expect(queueCommandFor(press("a", { targetTag: "DIV", targetEditable: true }))).toBeNull();
    expect(queueCommandFor(press("r", { ctrlKey: true }))).toBeNull();
    expect(queueCommandFor(press("f", { metaKey: true }))).toBeNull();
    expect(queueCommandFor(press("a", { isComposing: true }))).toBeNull();
  });
});
