import { describe, expect, it } from "vitest";
import { nextThemeMode, parseThemeMode, resolveTheme } from "./theme-mode.ts";

describe("theme switch cycle", () => {
  it("changes the visible theme on the first press, whatever the system prefers", () => {
    for (const systemDark of [false, true]) {
      const before = resolveTheme("system", systemDark);
      const after = resolveTheme(nextThemeMode("system", systemDark), systemDark);
      expect(after).not.toBe(before);
    }
  });

  it("visits every mode and comes back to system in three presses", () => {
    for (const systemDark of [false, true]) {
      const seen = new Set<string>();
      let mode = parseThemeMode(null);
      for (let i = 0; i < 3; i++) {
        seen.add(mode);
        mode = nextThemeMode(mode, systemDark);
      }
      expect(mode).toBe("system");
      expect(seen).toEqual(new Set(["system", "light", "dark"]));
    }
  });

  it("treats unknown stored values as system", () => {
    expect(parseThemeMode("purple")).toBe("system");
    expect(parseThemeMode("dark")).toBe("dark");
  });
});
