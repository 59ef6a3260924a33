import type { RelatedReading } from "@/server/essay/types.ts";

/** Some related readings are English: mark their language so they are read and hyphenated right. */
function languageOf(text: string): string {
  return /[\u3400-\u9fff]/.test(text) ? "zh-CN" : "en";
}

export function RelatedReadings({ readings, title, sourceLabel, uiLang }: { readings: RelatedReading[]; title: string; sourceLabel: (source: string) => string; uiLang?: string }) {
  if (readings.length === 0) return null;
  return (
    <section data-testid="related-readings" aria-labelledby="related-title" className="mt-16 border-t border-line pt-10">
      <h2 id="related-title" lang={uiLang} className="text-xs font-semibold tracking-[0.12em] text-subtle uppercase">
        {title}
      </h2>
      <ul className="mt-6 grid gap-4">
        {readings.map((reading) => {
          const lang = languageOf(reading.title);
          return (
            <li key={reading.title} lang={lang} className="rounded-2xl border border-line bg-surface p-5 sm:p-6">
              <h3 className="text-base leading-snug font-semibold text-fg sm:text-[1.0625rem]">{reading.title}</h3>
              <p className="mt-2 line-clamp-3 text-sm leading-relaxed text-muted">{reading.summary}</p>
              <p className="mt-3 text-xs text-subtle" lang={uiLang}>
                {sourceLabel(reading.source)}
              </p>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
