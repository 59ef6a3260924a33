"use client";
/**
 * Each option's share by day as an SVG line chart: one line per option in its series colour
 * through the days that carry numbers (days without them are left out, so a line runs straight
 * across them), the share on a 0–100 % axis (higher when a multiple-choice poll's shares exceed
 * it). The <svg> is role="img" with a summary; OverTimeTable holds every number.
 */
import { useFormatter, useTranslations } from "next-intl";
import type { OverTimePointOutput } from "@/server/api/routers/polls/over-time-schemas.ts";
import { seriesColor } from "./series-colors.ts";
import { useWidth } from "./use-width.ts";

type Shown = Extract<OverTimePointOutput, { kind: "shown" }>;

const height = 240;
const margin = { top: 12, right: 16, bottom: 28, left: 44 };

export function OverTimeChart({ days, options }: { days: OverTimePointOutput[]; options: { id: string; label: string }[] }) {
  const t = useTranslations("polls.views.overTime");
  const format = useFormatter();
  const [ref, width] = useWidth<HTMLDivElement>(640);
  const percent = (share: number) => format.number(share, { style: "percent", maximumFractionDigits: 0 });
  const dayLabel = (day: string) => format.dateTime(new Date(`${day}T00:00:00Z`), { month: "short", day: "numeric", timeZone: "UTC" });

  const shown = days.map((point, index) => ({ point, index })).filter((entry): entry is { point: Shown; index: number } => entry.point.kind === "shown");
  // The axis ends a little above the largest share, at a round step, so lines are not squashed at the bottom.
  const largest = Math.max(0, ...shown.flatMap(({ point }) => point.options.map((o) => o.share)));
  const step = largest <= 0.55 ? 0.1 : 0.25;
  const top = Math.max(step * 2, Math.ceil((largest + 0.02) / step) * step);
  const plotWidth = Math.max(1, width - margin.left - margin.right);
  const plotHeight = height - margin.top - margin.bottom;
  const x = (index: number) => margin.left + (days.length > 1 ? (index / (days.length - 1)) * plotWidth : plotWidth / 2);
  const y = (share: number) => margin.top + (1 - share / top) * plotHeight;
  const ticks = Array.from({ length: Math.round(top / step) + 1 }, (_, i) => i * step);
  // First and last day always; between them one label about every 90 px, none crowding the last.
  const labelEvery = Math.max(1, Math.ceil(days.length / Math.max(1, Math.floor(plotWidth / 90))));
  const last = days.length - 1;
  const xLabels = days
    .map((p, i) => ({ day: p.day, i }))
    .filter(({ i }) => i === 0 || i === last || (i % labelEvery === 0 && x(last) - x(i) >= 80));

  const latest = shown.at(-1)?.point;
  const summary = t("chartLabel", {
    from: dayLabel(days[0]!.day),
    to: dayLabel(days.at(-1)!.day),
    latest: latest
      ? t("latest", {
          day: dayLabel(latest.day),
          shares: options.map((option, i) => `${option.label} ${percent(latest.options[i]?.share ?? 0)}`).join(", "),
        })
      : "",
  });

  return (
    <div>
      <ul className="mb-3 flex flex-wrap gap-x-5 gap-y-1.5 text-sm text-muted" aria-label={t("legend")} data-testid="over-time-legend">
        {options.map((option, i) => (
          <li key={option.id} className="flex items-center gap-2">
            <span aria-hidden="true" className="inline-block h-[3px] w-4 shrink-0 rounded-full" style={{ background: seriesColor(i) }} />
            {option.label}
            {latest ? <span className="font-semibold text-fg tabular-nums">{percent(latest.options[i]?.share ?? 0)}</span> : null}
          </li>
        ))}
      </ul>
      <div ref={ref} className="w-full">
        <svg role="img" aria-label={summary} width={width} height={height} viewBox={`0 0 ${width} ${height}`} className="block max-w-full overflow-visible text-muted" data-testid="over-time-chart">
          {ticks.map((tick) => (
            <g key={tick}>
              <line x1={margin.left} x2={width - margin.right} y1={y(tick)} y2={y(tick)} className="stroke-line" strokeDasharray={tick === 0 ? undefined : "3 4"} />
              <text x={margin.left - 8} y={y(tick)} dy="0.32em" textAnchor="end" className="fill-current text-[11px] tabular-nums">
                {percent(tick)}
              </text>
            </g>
          ))}
          {xLabels.map(({ day, i }) => (
            <text key={day} x={x(i)} y={height - 8} textAnchor={days.length === 1 ? "middle" : i === 0 ? "start" : i === days.length - 1 ? "end" : "middle"} className="fill-current text-[11px]">
              {dayLabel(day)}
            </text>
          ))}
          {options.map((option, o) => {
            const points = shown.map(({ point, index }) => [x(index), y(point.options[o]?.share ?? 0)] as const);
            return (
              <g key={option.id} style={{ color: seriesColor(o) }}>
                {points.length > 1 ? (
                  <polyline points={points.map(([px, py]) => `${px},${py}`).join(" ")} fill="none" stroke="currentColor" strokeWidth={2.25} strokeLinejoin="round" strokeLinecap="round" />
                ) : null}
                {points.length <= 40 ? points.map(([px, py], i) => <circle key={i} cx={px} cy={py} r={3} className="fill-surface" stroke="currentColor" strokeWidth={2} />) : null}
              </g>
            );
          })}
        </svg>
      </div>
    </div>
  );
}
