/**
 * A figure whose photograph is not available (content/README.md): a drawn placeholder, never a
 * broken image, and the caption as a real <figcaption>. Each figure gets its own hue so the three
 * don't look copied.
 */
import type { CSSProperties } from "react";

const hues = [
  { from: "#e9d9c8", to: "#c9b49c", ink: "#5e4a3a", darkFrom: "#3a3129", darkTo: "#2a231d", darkInk: "#b8a48d" },
  { from: "#d7dfd6", to: "#a9b9a7", ink: "#45573f", darkFrom: "#2c3429", darkTo: "#1f251d", darkInk: "#9fb398" },
  { from: "#d9dce6", to: "#aab0c6", ink: "#454d6b", darkFrom: "#2b2f3c", darkTo: "#1e212b", darkInk: "#a3abc6" },
] as const;

export function EssayFigure({ id, caption, index, placeholderLabel, uiLang }: { id: string; caption: string; index: number; placeholderLabel: string; uiLang?: string }) {
  const hue = hues[index % hues.length]!;
  const style = {
    "--fig-from": hue.from,
    "--fig-to": hue.to,
    "--fig-ink": hue.ink,
    "--fig-dark-from": hue.darkFrom,
    "--fig-dark-to": hue.darkTo,
    "--fig-dark-ink": hue.darkInk,
  } as CSSProperties;
  return (
    <figure id={id} className="my-10 sm:-mx-6" style={style}>
      <div
        className={
          "relative aspect-[16/9] overflow-hidden sm:aspect-[2/1] rounded-xl bg-linear-135 from-(--fig-from) to-(--fig-to) text-(--fig-ink) sm:rounded-2xl " +
          "dark:from-(--fig-dark-from) dark:to-(--fig-dark-to) dark:text-(--fig-dark-ink)"
        }
      >
        <svg viewBox="0 0 160 90" preserveAspectRatio="xMidYMid slice" className="absolute inset-0 size-full" aria-hidden="true">
          <circle cx={118 - index * 22} cy="30" r="11" fill="currentColor" opacity="0.22" />
          <path d="M0 72 L34 46 L58 62 L88 36 L124 64 L160 48 L160 90 L0 90 Z" fill="currentColor" opacity="0.16" />
          <path d="M0 80 L28 66 L60 76 L96 58 L132 74 L160 66 L160 90 L0 90 Z" fill="currentColor" opacity="0.2" />
        </svg>
        <div className="absolute inset-0 grid place-items-center">
          <span lang={uiLang} className="flex items-center gap-2 rounded-full bg-white/45 px-3 py-1 text-xs font-medium backdrop-blur-sm dark:bg-black/30">
            <svg viewBox="0 0 20 20" className="size-3.5" fill="none" stroke="currentColor" strokeWidth="1.6" aria-hidden="true">
              <rect x="2.75" y="4.25" width="14.5" height="11.5" rx="2" />
              <circle cx="7.25" cy="8.5" r="1.5" />
              <path d="m3 14 4.5-4 3.5 3 2.5-2 3.5 3" strokeLinejoin="round" />
            </svg>
            {placeholderLabel}
          </span>
        </div>
      </div>
      <figcaption className="mt-3 px-1 text-center text-sm leading-relaxed text-muted sm:px-6">{caption}</figcaption>
    </figure>
  );
}
