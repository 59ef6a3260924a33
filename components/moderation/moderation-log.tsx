/**
 * The audit log at /moderate/log: a filter form (a plain GET form, so a filtered view is a link
 * to share) and one page of entries, newest first, with the way to older ones. Server-rendered:
 * the log is read only, nothing on it needs a script.
 */
import { getFormatter, getTranslations } from "next-intl/server";
import { Button, LinkButton, SelectField, TextField, cx } from "@/components/ui";
import type { AppLocale } from "@/server/i18n/locales.ts";

export interface LogFilters {
  action?: string;
  targetType?: "comment" | "user" | "essay" | "watchlist" | "settings";
  actorId?: string;
  rule?: string;
  targetId?: string;
}

export interface LogEntryView {
  id: string;
  actor: { id: string; name: string | null } | null;
  rule: string | null;
  action: string;
  targetType: string;
  targetId: string;
  reason: string | null;
  note: string | null;
  ip: string | null;
  userAgent: string | null;
  createdAt: Date;
}

const targetTypes = ["comment", "user", "essay", "watchlist", "settings"] as const;
const actions = ["approve", "reject", "restore", "feature", "unfeature", "hold", "flag", "censor", "block"] as const;
const reasons = new Set(["premoderation", "watched_word", "links", "recent_record", "community_flags", "spam", "harassment", "hate", "off_topic", "illegal", "other"]);

export async function ModerationLog({
  locale,
  filters,
  entries,
  nextCursor,
  error,
}: {
  locale: AppLocale;
  filters: LogFilters;
  entries: LogEntryView[];
  nextCursor: string | null;
  error: string | null;
}) {
  const t = await getTranslations({ locale, namespace: "moderation.log" });
  const tc = await getTranslations({ locale, namespace: "moderation.console" });
  const format = await getFormatter({ locale });
  const filtered = Object.values(filters).some(Boolean);
  const actionLabel = (action: string) => ((actions as readonly string[]).includes(action) ? t(`actions.${action as (typeof actions)[number]}`) : action);
  const targetLabel = (type: string) => ((targetTypes as readonly string[]).includes(type) ? t(`targetTypes.${type as (typeof targetTypes)[number]}`) : type);
  const older = new URLSearchParams(Object.entries({ ...filters, cursor: nextCursor ?? "" }).filter(([, value]) => value) as [string, string][]);

  return (
    <>
      <form method="get" action="/moderate/log" className="mt-6 rounded-2xl border border-line bg-surface p-4 sm:p-5" aria-label={t("filters")} data-testid="log-filters">
        <div className="grid grid-cols-2 gap-3 sm:gap-4 lg:grid-cols-5">
          <SelectField id="log-action" name="action" label={t("action")} defaultValue={filters.action ?? ""}>
            <option value="">{t("any")}</option>
            {actions.map((action) => (
              <option key={action} value={action}>
                {t(`actions.${action}`)}
              </option>
            ))}
          </SelectField>
          <SelectField id="log-target-type" name="targetType" label={t("targetType")} defaultValue={filters.targetType ?? ""}>
            <option value="">{t("any")}</option>
            {targetTypes.map((type) => (
              <option key={type} value={type}>
                {t(`targetTypes.${type}`)}
              </option>
            ))}
          </SelectField>
          <SelectField id="log-rule" name="rule" label={t("rule")} defaultValue={filters.rule ?? ""}>
            <option value="">{t("any")}</option>
            {["premoderation", "watched_word", "links", "recent_record", "community_flags"].map((rule) => (
              <option key={rule} value={rule}>
                {tc(`reason.${rule}` as "reason.spam")}
              </option>
            ))}
          </SelectField>
          <TextField id="log-actor" name="actorId" label={t("actor")} defaultValue={filters.actorId ?? ""} maxLength={64} autoComplete="off" />
          <TextField id="log-target" className="col-span-2 lg:col-span-1" name="targetId" label={t("target")} defaultValue={filters.targetId ?? ""} maxLength={64} autoComplete="off" />
        </div>
        <div className="mt-4 flex flex-wrap gap-2">
          <Button type="submit" size="sm">
            {t("apply")}
          </Button>
          {filtered ? (
            <LinkButton href="/moderate/log" variant="ghost" size="sm">
              {t("reset")}
            </LinkButton>
          ) : null}
        </div>
      </form>

      {error ? (
        <p role="alert" className="mt-6 rounded-xl border border-danger/40 bg-danger/10 px-4 py-3 text-sm text-fg">
          {error}
        </p>
      ) : entries.length === 0 ? (
        <div className="mt-6 rounded-2xl border border-dashed border-line px-6 py-12 text-center text-sm text-muted" data-testid="log-empty">
          {t("empty")}
        </div>
      ) : (
        <ol className="mt-6 divide-y divide-line rounded-2xl border border-line bg-surface" data-testid="log-entries">
          {entries.map((entry) => (
            <li key={entry.id} className="grid gap-1 px-4 py-3 text-sm sm:grid-cols-[10rem_minmax(0,1fr)] sm:gap-4" data-testid="log-entry">
              <time dateTime={entry.createdAt.toISOString()} className="text-xs text-subtle tabular-nums sm:pt-0.5">
                {format.dateTime(entry.createdAt, { dateStyle: "medium", timeStyle: "medium" })}
              </time>
              <div className="min-w-0">
                <p className="flex flex-wrap items-center gap-x-2 gap-y-1">
                  <span className={cx("rounded-full px-2 py-0.5 text-xs font-semibold", entry.actor ? "bg-accent-soft text-accent" : "bg-raised text-muted")}>
                    {actionLabel(entry.action)}
                  </span>
                  <span className="font-medium text-fg">
                    {entry.actor ? (entry.actor.name ?? t("unnamed", { id: entry.actor.id.slice(-6) })) : t("automatic", { rule: entry.rule ? (reasons.has(entry.rule) ? tc(`reason.${entry.rule}` as "reason.spam") : entry.rule) : "?" })}
                  </span>
                  <span className="text-muted">
                    {targetLabel(entry.targetType)}{" "}
                    {entry.targetType === "comment" ? (
                      <a href={`/c/${entry.targetId}`} className="font-mono text-xs text-accent hover:underline">
                        {entry.targetId}
                      </a>
                    ) : (
                      <span className="font-mono text-xs">{entry.targetId}</span>
                    )}
                  </span>
                </p>
                {entry.reason ? (
                  <p className="mt-1 text-muted">
                    {t("whyLine", { reason: reasons.has(entry.reason) ? tc(`reason.${entry.reason}` as "reason.spam") : entry.reason })}
                    {entry.note ? ` · ${entry.note}` : ""}
                  </p>
                ) : null}
                {entry.ip || entry.userAgent ? (
                  <p className="mt-1 truncate text-xs text-subtle" title={entry.userAgent ?? undefined}>
                    {t("clientLine", { client: [entry.ip, entry.userAgent].filter(Boolean).join(" · ") })}
                  </p>
                ) : null}
              </div>
            </li>
          ))}
        </ol>
      )}
      {nextCursor ? (
        <div className="mt-4 flex justify-center">
          <LinkButton href={`/moderate/log?${older.toString()}`} variant="secondary" data-testid="log-older">
            {t("more")}
          </LinkButton>
        </div>
      ) : null}
    </>
  );
}
