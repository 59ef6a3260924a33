"use client";
/**
 * The over-time numbers as a table inside a <details>: a row per day that carries numbers, each
 * option's cumulative votes and share, and how many days were left without a point of their own.
 */
import { useFormatter, useTranslations } from "next-intl";
import type { OverTimePointOutput } from "@/server/api/routers/polls/over-time-schemas.ts";

export function OverTimeTable({ days, options }: { days: OverTimePointOutput[]; options: { id: string; label: string }[] }) {
  const t = useTranslations("polls.views.overTime");
  const format = useFormatter();
  const percent = (share: number) => format.number(share, { style: "percent", maximumFractionDigits: 0 });
  const shown = days.filter((point) => point.kind === "shown");
  const skipped = days.length - shown.length;

  return (
    <details className="group rounded-xl border border-line" data-testid="over-time-details">
      <summary className="cursor-pointer rounded-xl px-4 py-2.5 text-sm font-medium text-fg hover:bg-raised">{t("tableSummary")}</summary>
      {/* Focusable and named, so a keyboard can scroll the table when it is wider than a phone. */}
      <div className="overflow-x-auto border-t border-line" tabIndex={0} role="group" aria-label={t("caption")}>
        <table className="w-full min-w-[32rem] border-collapse text-sm" data-testid="over-time-table">
          <caption className="px-3 pt-3 pb-2 text-left text-sm font-medium text-muted">{t("caption")}</caption>
          <thead>
            <tr className="border-y border-line bg-raised/60">
              <th scope="col" className="px-3 py-2 text-left font-semibold text-fg">
                {t("day")}
              </th>
              <th scope="col" className="px-3 py-2 text-right font-semibold text-fg">
                {t("voters")}
              </th>
              {options.map((option) => (
                <th key={option.id} scope="col" className="px-3 py-2 text-right align-bottom font-semibold text-fg">
                  {option.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {shown.map((point) => (
              <tr key={point.day} className="border-b border-line last:border-b-0">
                <th scope="row" className="px-3 py-2 text-left font-medium whitespace-nowrap text-fg tabular-nums">
                  {format.dateTime(new Date(`${point.day}T00:00:00Z`), { year: "numeric", month: "short", day: "numeric", timeZone: "UTC" })}
                </th>
                <td className="px-3 py-2 text-right tabular-nums">{format.number(point.voters)}</td>
                {options.map((option, i) => {
                  const count = point.options[i] ?? { votes: 0, share: 0 };
                  return (
                    <td key={option.id} className="px-3 py-2 text-right whitespace-nowrap tabular-nums">
                      {t("cell", { votes: count.votes, percent: percent(count.share) })}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
        {skipped > 0 ? <p className="px-3 pb-3 text-sm text-muted">{t("skipped", { count: skipped })}</p> : null}
      </div>
    </details>
  );
}
