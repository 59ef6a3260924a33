"use client";
/**
 * The header's theme switch: system → the opposite of the system's theme → the other → system.
 * The choice lives in localStorage; the inline script (theme-script.ts) applies it before paint on
 * the next page, this component applies it immediately and follows system changes.
 */
import { useEffect, useSyncExternalStore } from "react";
import { themeStorageKey } from "./theme-script.ts";
import { nextThemeMode, parseThemeMode, resolveTheme, type ThemeMode } from "./theme-mode.ts";

const changeEvent = "tuiquan-theme-change";
const darkQuery = "(prefers-color-scheme: dark)";

function readMode(): ThemeMode {
  try {
    return parseThemeMode(localStorage.getItem(themeStorageKey));
  } catch {
    return "system";
  }
}

function systemPrefersDark(): boolean {
  return window.matchMedia(darkQuery).matches;
}

function applyTheme(): void {
  document.documentElement.setAttribute("data-theme", resolveTheme(readMode(), systemPrefersDark()));
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener(changeEvent, onChange);
  window.addEventListener("storage", onChange);
  return () => {
    window.removeEventListener(changeEvent, onChange);
    window.removeEventListener("storage", onChange);
  };
}

/** The switch's accessible name for each mode, in the interface language. */
export type ThemeSwitchLabels = Record<ThemeMode, string>;

export function ThemeSwitch({ labels }: { labels: ThemeSwitchLabels }) {
  // The server can't know the stored choice: it renders "system", the browser corrects after hydration.
  const mode = useSyncExternalStore(subscribe, readMode, () => "system" as const);

  // Re-apply on system changes and on a choice made in another tab. And once on mount: the system
  // may have switched between the inline script and now, before this listener existed (the page
  // would stay in the old theme until the next switch), and pages that Next.js renders in the
  // browser only (a 404 raised by notFound()) never ran the inline script. Otherwise it writes the
  // value the inline script wrote.
  useEffect(() => {
    applyTheme();
    const media = window.matchMedia(darkQuery);
    media.addEventListener("change", applyTheme);
    window.addEventListener("storage", applyTheme);
    return () => {
      media.removeEventListener("change", applyTheme);
      window.removeEventListener("storage", applyTheme);
    };
  }, []);

  function cycle() {
    const next = nextThemeMode(readMode(), systemPrefersDark());
    try {
      if (next === "system") localStorage.removeItem(themeStorageKey);
      else localStorage.setItem(themeStorageKey, next);
    } catch {
      // Storage blocked: the theme still changes for this page.
      document.documentElement.setAttribute("data-theme", resolveTheme(next, systemPrefersDark()));
      return;
    }
    applyTheme();
    window.dispatchEvent(new Event(changeEvent));
  }

  const label = labels[mode];
  return (
    <button
      type="button"
      data-testid="theme-switch"
      data-mode={mode}
      onClick={cycle}
      aria-label={label}
      title={label}
      className="inline-flex size-9 items-center justify-center rounded-full text-muted transition-colors hover:bg-raised hover:text-fg"
    >
      <ThemeIcon mode={mode} />
    </button>
  );
}

function ThemeIcon({ mode }: { mode: ThemeMode }) {
  const common = { viewBox: "0 0 20 20", className: "size-[1.125rem]", fill: "none", stroke: "currentColor", strokeWidth: 1.5, "aria-hidden": true } as const;
  if (mode === "light") {
    return (
      <svg {...common} strokeLinecap="round">
        <circle cx="10" cy="10" r="3.5" />
        <path d="M10 1.75v2M10 16.25v2M1.75 10h2M16.25 10h2M4.2 4.2l1.4 1.4M14.4 14.4l1.4 1.4M4.2 15.8l1.4-1.4M14.4 5.6l1.4-1.4" />
      </svg>
    );
  }
  if (mode === "dark") {
    return (
      <svg {...common} strokeLinejoin="round">
        <path d="M16.5 12.2A7 7 0 0 1 7.8 3.5a7 7 0 1 0 8.7 8.7Z" />
      </svg>
    );
  }
  return (
    <svg {...common} strokeLinejoin="round">
      <circle cx="10" cy="10" r="7.25" />
      <path d="M10 2.75a7.25 7.25 0 0 1 0 14.5Z" fill="currentColor" stroke="none" />
    </svg>
  );
}
