"use client";
/**
 * The essay's table of contents. One element for every width (one data-testid="toc" for tests):
 * on phones a compact block that opens on demand; on wide screens a list that stays in view in
 * the left margin and marks the section being read (aria-current="location").
 */
import { useEffect, useState } from "react";

export interface TocEntry {
  id: string;
  text: string;
}

export function TableOfContents({
  entries,
  labels,
  uiLang,
}: {
  entries: TocEntry[];
  labels: { title: string; show: string; hide: string };
  uiLang?: string;
}) {
  const [open, setOpen] = useState(false);
  const active = useActiveSection(entries);

  return (
    <nav
      aria-label={labels.title}
      data-testid="toc"
      className="mb-10 rounded-xl border border-line bg-surface/60 lg:absolute lg:inset-y-0 lg:right-full lg:mr-14 lg:mb-0 lg:w-52 lg:border-0 lg:bg-transparent xl:mr-20 xl:w-56"
    >
      <div className="lg:sticky lg:top-24">
        <div className="flex items-center justify-between gap-3 px-4 py-2.5 lg:px-0 lg:py-0">
          <h2 id="toc-title" lang={uiLang} className="text-xs font-semibold tracking-[0.12em] text-subtle uppercase">
            {labels.title}
          </h2>
          <button
            type="button"
            lang={uiLang}
            aria-expanded={open}
            aria-controls="toc-list"
            onClick={() => setOpen((value) => !value)}
            className="-mr-2 inline-flex h-8 items-center gap-1 rounded-full px-2.5 text-sm text-muted hover:bg-raised hover:text-fg lg:hidden"
          >
            {open ? labels.hide : labels.show}
            <svg viewBox="0 0 20 20" className={`size-4 transition-transform ${open ? "rotate-180" : ""}`} fill="none" stroke="currentColor" strokeWidth="1.6" aria-hidden="true">
              <path d="m5 7.5 5 5 5-5" strokeLinecap="round" strokeLinejoin="round" />
            </svg>
          </button>
        </div>
        <ol id="toc-list" className={`${open ? "block" : "hidden"} border-t border-line px-2 py-2 lg:mt-3 lg:block lg:border-t-0 lg:border-l lg:px-0 lg:py-0`}>
          {entries.map((entry, index) => {
            const current = entry.id === active;
            return (
              <li key={entry.id}>
                <a
                  href={`#${entry.id}`}
                  aria-current={current ? "location" : undefined}
                  onClick={() => setOpen(false)}
                  className={
                    "flex gap-2.5 rounded-lg px-2 py-2 text-[0.9375rem] leading-snug text-muted transition-colors hover:text-fg " +
                    "lg:-ml-px lg:rounded-none lg:border-l-2 lg:border-transparent lg:py-1.5 lg:pl-4 lg:text-sm " +
                    "aria-[current=location]:text-fg lg:aria-[current=location]:border-accent lg:aria-[current=location]:font-medium"
                  }
                >
                  <span aria-hidden="true" className="font-mono text-xs leading-[1.6] text-subtle tabular-nums">
                    {String(index + 1).padStart(2, "0")}
                  </span>
                  <span>{entry.text}</span>
                </a>
              </li>
            );
          })}
        </ol>
      </div>
    </nav>
  );
}

/**
 * The section being read: the last heading that has passed the upper third of the viewport.
 * IntersectionObserver reports headings crossing that line; a jump (an anchor, Home/End, a
 * restored position) can carry a heading across without a crossing, so scrolls are checked too,
 * at most once a frame. The decision uses positions, so both paths agree.
 */
function useActiveSection(entries: TocEntry[]): string | null {
  const [active, setActive] = useState<string | null>(null);

  useEffect(() => {
    const headings = entries.map((entry) => document.getElementById(entry.id)).filter((el): el is HTMLElement => el !== null);
    if (headings.length === 0) return;

    const pick = () => {
      const line = window.innerHeight * 0.3;
      let current: string | null = null;
      for (const heading of headings) {
        if (heading.getBoundingClientRect().top <= line) current = heading.id;
      }
      setActive(current);
    };

    let frame = 0;
    const schedule = () => {
      if (!frame) frame = window.requestAnimationFrame(() => {
        frame = 0;
        pick();
      });
    };

    const observer = new IntersectionObserver(pick, { rootMargin: "0px 0px -70% 0px", threshold: [0, 1] });
    for (const heading of headings) observer.observe(heading);
    window.addEventListener("scroll", schedule, { passive: true });
    pick();
    return () => {
      observer.disconnect();
      window.removeEventListener("scroll", schedule);
      if (frame) window.cancelAnimationFrame(frame);
    };
  }, [entries]);

  return active;
}
