/** The reader's theme choice and the theme it resolves to. Shared by the switch and its test. */
export type ThemeMode = "system" | "light" | "dark";
export type Theme = "light" | "dark";

export function resolveTheme(mode: ThemeMode, systemPrefersDark: boolean): Theme {
  if (mode === "system") return systemPrefersDark ? "dark" : "light";
  return mode;
}

/**
 * The next mode when the switch is pressed. From "system" it goes to the opposite of what the
 * system shows, so every press visibly changes something: system → opposite → the other → system.
 */
export function nextThemeMode(mode: ThemeMode, systemPrefersDark: boolean): ThemeMode {
  if (mode === "system") return systemPrefersDark ? "light" : "dark";
  const systemTheme: Theme = systemPrefersDark ? "dark" : "light";
  // Having left the system theme, the next press comes back to the system's own theme explicitly…
  if (mode !== systemTheme) return systemTheme;
  // …and the one after that hands the choice back to the system.
  return "system";
}

export function parseThemeMode(value: string | null | undefined): ThemeMode {
  return value === "light" || value === "dark" ? value : "system";
}
