"use client";
/**
 * One item of a moderation queue: the comment in its context (essay, paragraph, the comment it
 * answers), its text with the watched-word matches marked, why it is here (automatic decisions,
 * reports with their weights), the author's record, who else has it open, and its actions.
 */
import { useFormatter, useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { Button, cx } from "@/components/ui";
import type { QueueItem } from "@/server/api/routers/moderation/schemas.ts";
import { highlightSpans } from "@/components/moderation/highlight-spans.ts";
import { allowedActions, type QueueAction } from "./queue-actions.ts";

const statusTones: Record<QueueItem["comment"]["status"], string> = {
  held: "bg-accent-soft text-accent",
  visible: "bg-success/10 text-success",
  removed: "bg-danger/10 text-danger",
  deleted: "bg-raised text-muted",
};

export function QueueItemCard({
  item,
  active,
  selected,
  busy,
  onActivate,
  onSelect,
  onAction,
}: {
  item: QueueItem;
  active: boolean;
  selected: boolean;
  busy: boolean;
  onActivate: () => void;
  onSelect: (selected: boolean) => void;
  onAction: (action: QueueAction) => void;
}) {
  const t = useTranslations("moderation.console");
  const format = useFormatter();
  const { comment, author } = item;
  const titleId = `queue-item-${comment.id}`;
  const otherClaim = item.claim && !item.claim.mine ? item.claim : null;
  const actions = allowedActions(item);
  const when = (date: Date) => format.dateTime(date, { dateStyle: "medium", timeStyle: "short" });

  return (
    <article
      id={`queue-${comment.id}`}
      aria-labelledby={titleId}
      tabIndex={-1}
      data-testid="queue-item"
      data-comment-id={comment.id}
      data-active={active || undefined}
      onClick={onActivate}
      onFocus={(event) => {
        if (event.target === event.currentTarget) onActivate();
      }}
      className={cx(
        "scroll-mt-28 rounded-2xl border bg-surface p-4 transition-shadow outline-none sm:p-5",
        active ? "border-focus shadow-[0_0_0_1px_var(--tq-focus)]" : "border-line",
      )}
    >
      <div className="flex flex-wrap items-center gap-x-3 gap-y-2">
        <input
          type="checkbox"
          checked={selected}
          onChange={(event) => onSelect(event.target.checked)}
          onClick={(event) => event.stopPropagation()}
          aria-label={t("selectItem")}
          className="size-4 accent-[var(--tq-accent)]"
          data-testid="queue-item-select"
        />
        <span className={cx("rounded-full px-2 py-0.5 text-xs font-semibold", statusTones[comment.status])} data-testid="queue-item-status">
          {t(`status.${comment.status}`)}
        </span>
        {comment.reason ? (
          <span className="rounded-full border border-line px-2 py-0.5 text-xs text-muted" data-testid="queue-item-reason">
            {t(`reason.${comment.reason}`)}
          </span>
        ) : null}
        {comment.featuredAt ? <span className="rounded-full bg-accent px-2 py-0.5 text-xs font-semibold text-accent-fg">{t("featured")}</span> : null}
        {otherClaim ? (
          <span className="inline-flex items-center gap-1 rounded-full bg-raised px-2 py-0.5 text-xs font-medium text-fg" data-testid="queue-item-claim">
            <span aria-hidden="true" className="size-1.5 rounded-full bg-accent" />
            {t("claimedBy", { name: otherClaim.moderatorName ?? t("someone") })}
          </span>
        ) : null}
        <span className="ml-auto text-xs text-subtle">
          <time dateTime={comment.createdAt.toISOString()}>{t("context.posted", { time: when(comment.createdAt) })}</time>
        </span>
      </div>

      <div className="mt-3 grid gap-4 md:grid-cols-[minmax(0,1fr)_15rem]">
        <div className="min-w-0">
          <h3 id={titleId} className="sr-only">
            {authorName(author, t)}: {comment.body.slice(0, 40)}
          </h3>
          <Context item={item} />
          <CommentText item={item} />
          {comment.note ? <p className="mt-2 text-sm text-muted">{t("note", { note: comment.note })}</p> : null}
          {comment.moderatedAt ? (
            <p className="mt-1 text-xs text-subtle">
              {comment.moderatedBy
                ? t("context.decided", { name: comment.moderatedBy.name ?? t("someone"), time: when(comment.moderatedAt) })
                : t("context.decidedAuto", { time: when(comment.moderatedAt) })}
            </p>
          ) : null}
          <Decisions item={item} />
          <Reports item={item} />
        </div>
        <AuthorRecord author={author} />
      </div>

      {actions.length > 0 ? (
        <div className="mt-4 flex flex-wrap gap-2 border-t border-line pt-3">
          {actions.map((action) => (
            <Button
              key={action}
              size="sm"
              variant={action === "approve" || action === "restore" ? "primary" : action === "reject" ? "danger" : "secondary"}
              disabled={busy}
              onClick={(event) => {
                event.stopPropagation();
                onAction(action);
              }}
              data-testid={`queue-${action}`}
            >
              {action === "approve" && comment.status === "visible" ? t("actions.dismiss") : t(`actions.${action}`)}
              <kbd className="hidden rounded border border-current/30 px-1 font-mono text-[0.6875rem] opacity-70 sm:inline">{shortcutOf(action)}</kbd>
            </Button>
          ))}
          <a href={comment.permalink} className="ml-auto self-center text-sm font-medium text-accent hover:underline" onClick={(event) => event.stopPropagation()}>
            {t("context.open")}
          </a>
        </div>
      ) : null}
    </article>
  );
}

function shortcutOf(action: QueueAction): string {
  return action === "approve" ? "a" : action === "reject" ? "r" : action === "restore" ? "a" : "f";
}

type Translate = ReturnType<typeof useTranslations<"moderation.console">>;

function authorName(author: { id: string; name: string | null }, t: Translate): string {
  return author.name ?? t("anonymous", { id: author.id.slice(-6) });
}

function Context({ item }: { item: QueueItem }) {
  const t = useTranslations("moderation.console");
  const { comment } = item;
  return (
    <div className="space-y-2 text-sm">
      <p className="text-xs text-subtle">
        {t("context.essay")} · <span lang="zh-CN">{comment.essay.title}</span>
      </p>
      {comment.paragraph ? (
        <p className="rounded-md border-l-2 border-accent/50 bg-raised/60 py-1 pr-2 pl-3 text-muted">
          <span className="mr-1.5 text-xs font-semibold text-accent">{t("context.paragraph")}</span>
          <span lang="zh-CN" className="line-clamp-2">
            {comment.paragraph.quote}
          </span>
        </p>
      ) : null}
      {comment.parent ? (
        <p className="rounded-md border-l-2 border-line py-1 pl-3 text-muted">
          <span className="mr-1.5 text-xs font-semibold text-fg">
            {comment.parent.authorName ? t("context.replyTo", { name: comment.parent.authorName }) : t("context.replyToAnonymous")}
          </span>
          <span className="line-clamp-2">{comment.parent.excerpt}</span>
        </p>
      ) : null}
    </div>
  );
}

/** The stored text with the matched spans marked; the rendered HTML when nothing matched in it. */
function CommentText({ item }: { item: QueueItem }) {
  const spans = item.decisions.flatMap((decision) => decision.spans).filter((span) => span.field === "body");
  const className = "mt-3 text-[0.9375rem] leading-[1.75] text-fg [overflow-wrap:anywhere]";
  if (spans.length === 0) {
    // Sanitized by the server's Markdown renderer, as on the essay page.
    return <div className={cx(className, "[&>*+*]:mt-2 [&_a]:text-accent [&_a]:underline")} data-testid="queue-item-body" dangerouslySetInnerHTML={{ __html: item.comment.bodyHtml }} />;
  }
  return (
    <p className={cx(className, "whitespace-pre-wrap")} data-testid="queue-item-body">
      {highlightSpans(item.comment.body, spans).map((piece, index) =>
        piece.terms.length ? (
          <mark key={index} title={piece.terms.join("、")} className="rounded bg-accent-soft px-0.5 font-semibold text-accent">
            {piece.text}
          </mark>
        ) : (
          piece.text
        ),
      )}
    </p>
  );
}

function Decisions({ item }: { item: QueueItem }) {
  const t = useTranslations("moderation.console");
  if (item.decisions.length === 0) return null;
  return (
    <Section title={t("why")}>
      <ul className="space-y-1">
        {item.decisions.map((decision, index) => (
          <li key={index} className="text-sm text-muted" data-testid="queue-item-decision">
            <span className="font-medium text-fg">{reasonLabel(decision.rule, t)}</span>
            {" · "}
            {knownAction(decision.action) ? t(`rule.${decision.action}`) : decision.action}
            {decision.spans.map((span, spanIndex) => (
              <span key={spanIndex} className="ml-2 rounded bg-raised px-1.5 py-px text-xs">
                {t(`spanField.${span.field}`)} · {t("matched", { term: span.term })}
              </span>
            ))}
          </li>
        ))}
      </ul>
    </Section>
  );
}

function Reports({ item }: { item: QueueItem }) {
  const t = useTranslations("moderation.console");
  const format = useFormatter();
  if (item.reports.length === 0) return null;
  return (
    <Section title={t("reports", { count: item.reports.length })} aside={t("flagScore", { score: format.number(item.comment.flagScore, { maximumFractionDigits: 2 }) })}>
      <ul className="divide-y divide-line rounded-xl border border-line">
        {item.reports.map((report) => (
          <li key={report.id} className="px-3 py-2 text-sm" data-testid="queue-item-report">
            <div className="flex flex-wrap items-center gap-x-2 gap-y-1">
              <span className="font-medium text-fg">{t(`reason.${report.reason}`)}</span>
              <span className="text-xs text-subtle">{t("reportWeight", { weight: format.number(report.weight, { maximumFractionDigits: 2 }) })}</span>
              <span className="text-xs text-subtle">· {report.reporter ? authorName(report.reporter, t) : t("reporterAuto")}</span>
              {report.status !== "open" ? <span className="text-xs text-subtle">· {t(`reportStatus.${report.status}`)}</span> : null}
            </div>
            {report.text ? <p className="mt-1 text-muted">{report.text}</p> : null}
          </li>
        ))}
      </ul>
    </Section>
  );
}

function AuthorRecord({ author }: { author: QueueItem["author"] }) {
  const t = useTranslations("moderation.console");
  const format = useFormatter();
  const sanction = author.activeSanction;
  return (
    <aside className="h-fit rounded-xl bg-raised/70 p-3 text-sm" aria-label={t("author")} data-testid="queue-item-author">
      <p className="text-xs font-semibold text-subtle">{t("author")}</p>
      <p className="mt-1 truncate font-semibold text-fg" title={authorName(author, t)}>
        {authorName(author, t)}
      </p>
      <p className="text-xs text-muted">{t(`record.role.${author.role}`)}</p>
      <ul className="mt-2 space-y-0.5 text-muted">
        <li>{t("record.joined", { date: format.dateTime(author.joinedAt, { dateStyle: "medium" }) })}</li>
        <li>{t("record.comments", { count: author.commentCount })}</li>
        <li className={author.rejectedCount > 0 ? "text-danger" : undefined}>{t("record.rejected", { count: author.rejectedCount })}</li>
      </ul>
      {sanction ? (
        <p className="mt-2 rounded-lg bg-danger/10 px-2 py-1 text-xs text-danger">
          {t(`record.sanction.${sanction.kind}`)}
          {sanction.endsAt ? ` ${t("record.until", { date: format.dateTime(sanction.endsAt, { dateStyle: "medium" }) })}` : ""} · {sanction.reason}
        </p>
      ) : null}
    </aside>
  );
}

function Section({ title, aside, children }: { title: string; aside?: string; children: ReactNode }) {
  return (
    <section className="mt-4">
      <div className="mb-1.5 flex items-baseline justify-between gap-2">
        <h4 className="text-xs font-semibold tracking-wide text-subtle">{title}</h4>
        {aside ? <span className="text-xs text-subtle tabular-nums">{aside}</span> : null}
      </div>
      {children}
    </section>
  );
}

const knownReasons = new Set(["premoderation", "watched_word", "links", "recent_record", "community_flags", "spam", "harassment", "hate", "off_topic", "illegal", "other"]);
function reasonLabel(rule: string, t: Translate): string {
  return knownReasons.has(rule) ? t(`reason.${rule}` as "reason.spam") : rule;
}
function knownAction(action: string): action is "hold" | "flag" | "censor" | "block" {
  return action === "hold" || action === "flag" || action === "censor" || action === "block";
}
