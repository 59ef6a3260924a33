"use client";
/**
 * "Try a sentence": sends the sentence to watchedWords.try (the pipeline's own compiled list, or
 * the list the unsaved import would leave) and shows the sentence with each match in <mark>, the
 * term and action of each, and what the pipeline would do.
 */
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { useTRPC } from "@/components/providers/trpc.ts";
import { Button, Card, Select, StatusMessage } from "@/components/ui/index.ts";
import { textAreaClasses } from "./text-area.ts";
import { formErrorOf } from "@/components/moderation/form-errors.ts";
import { highlightSpans } from "@/components/moderation/highlight-spans.ts";
import { ActionBadge } from "./action-badge.tsx";
import { fields } from "./term-fields.tsx";

type Result =
  | { ok: true; text: string; matches: { termId: string; term: string; action: "block" | "hold" | "flag" | "censor"; start: number; end: number; text: string }[]; action: "block" | "hold" | "flag" | "censor" | null }
  | { ok: false; message: string; errors: { line: number; message: string }[] };

export function TrySentence({ draft }: { draft: { text: string; mode: "merge" | "replace" } }) {
  const t = useTranslations("moderation.words");
  const trpc = useTRPC();
  const run = useMutation(trpc.watchedWords.try.mutationOptions());
  const [text, setText] = useState("");
  const [field, setField] = useState<(typeof fields)[number]>("body");
  const [useDraft, setUseDraft] = useState(false);
  const [result, setResult] = useState<Result | null>(null);
  const [error, setError] = useState<string | null>(null);
  const hasDraft = draft.text.trim() !== "";

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setError(null);
    try {
      const answer = await run.mutateAsync({ text, field, ...(useDraft && hasDraft ? { draft } : {}) });
      setResult(answer.ok ? { ...answer, text } : answer);
    } catch (caught) {
      setResult(null);
      setError(formErrorOf(caught, t("failed")) ?? Object.values((caught as { data?: { fieldErrors?: Record<string, string> } }).data?.fieldErrors ?? {})[0] ?? t("failed"));
    }
  }

  return (
    <Card className="sm:p-7" data-testid="try-section">
      <h2 className="text-lg font-semibold text-fg">{t("try.title")}</h2>
      <p className="mt-1 text-sm leading-relaxed text-muted">{t("try.intro")}</p>
      <form onSubmit={onSubmit} noValidate className="mt-4 flex flex-col gap-3">
        <label htmlFor="try-text" className="text-sm font-medium text-fg">
          {t("try.text")}
        </label>
        <textarea id="try-text" lang="zh-CN" rows={3} maxLength={10_000} value={text} onChange={(e) => setText(e.target.value)} className={textAreaClasses} data-testid="try-text" />
        <div className="flex flex-wrap items-center gap-3">
          <label htmlFor="try-field" className="text-sm font-medium text-fg">
            {t("try.field")}
          </label>
          <Select id="try-field" value={field} onChange={(e) => setField(e.target.value as (typeof fields)[number])} className="h-10 w-auto">
            {fields.map((f) => (
              <option key={f} value={f}>
                {t(`field.${f}`)}
              </option>
            ))}
          </Select>
          {hasDraft ? (
            <label className="inline-flex items-center gap-2 text-sm text-fg">
              <input type="checkbox" className="size-4 accent-accent" checked={useDraft} onChange={(e) => setUseDraft(e.target.checked)} />
              {t("try.useDraft")}
            </label>
          ) : null}
          <Button type="submit" pending={run.isPending} className="sm:ml-auto" data-testid="try-submit">
            {t("try.submit")}
          </Button>
        </div>
      </form>
      <StatusMessage tone="error" className="mt-3">
        {error}
      </StatusMessage>
      <div aria-live="polite" className="mt-4">
        {result && !result.ok ? <LineErrors message={result.message} errors={result.errors} /> : null}
        {result?.ok ? (
          result.matches.length === 0 ? (
            <p className="rounded-xl border border-success/40 bg-success/10 px-4 py-3 text-sm text-fg" data-testid="try-none">
              {t("try.none")}
            </p>
          ) : (
            <div className="flex flex-col gap-3" data-testid="try-result">
              <p className="text-sm font-medium text-fg">{t("try.result", { action: t(`action.${result.action!}`) })}</p>
              <p className="text-xs text-muted">{t("try.highlighted")}</p>
              <p lang="zh-CN" className="rounded-xl border border-line bg-raised px-4 py-3 text-base leading-loose break-words whitespace-pre-wrap text-fg" data-testid="try-highlight">
                {highlightSpans(result.text, result.matches).map((piece, k) =>
                  piece.terms.length > 0 ? (
                    <mark key={k} title={piece.terms.join("、")} className="rounded bg-accent-soft px-0.5 text-fg ring-1 ring-accent/50">
                      {piece.text}
                    </mark>
                  ) : (
                    <span key={k}>{piece.text}</span>
                  ),
                )}
              </p>
              <h3 className="text-sm font-medium text-fg">{t("try.matches")}</h3>
              <ul className="flex flex-col gap-1.5 text-sm text-fg" data-testid="try-matches">
                {result.matches.map((m, k) => (
                  <li key={k} className="flex flex-wrap items-center gap-2">
                    <ActionBadge action={m.action} />
                    <span lang="zh-CN">{t("try.match", { text: m.text, term: m.term, action: t(`action.${m.action}`) })}</span>
                  </li>
                ))}
              </ul>
            </div>
          )
        ) : null}
      </div>
    </Card>
  );
}

export function LineErrors({ message, errors }: { message: string; errors: { line: number; message: string }[] }) {
  const t = useTranslations("moderation.words");
  return (
    <div role="alert" className="rounded-xl border border-danger/40 bg-danger/10 px-4 py-3 text-sm text-fg" data-testid="line-errors">
      <p className="font-medium">{message}</p>
      <ul className="mt-2 list-disc pl-5">
        {errors.slice(0, 50).map((e, k) => (
          <li key={k}>{t("import.lineError", { line: e.line, message: e.message })}</li>
        ))}
      </ul>
    </div>
  );
}
