"use client";
/**
 * The watched terms: a filterable table with inline edit and remove, and the form that adds one.
 * Each change goes to the server at once (watchedWords.add / update / remove) and the list is
 * fetched again, so what is shown is what is stored.
 */
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { useTRPC } from "@/components/providers/trpc.ts";
import { Button, Card, Input, StatusMessage } from "@/components/ui/index.ts";
import { fieldErrorsOf, formErrorOf, type FieldErrors } from "@/components/moderation/form-errors.ts";
import type { TermView } from "@/server/api/routers/watched-words/schemas.ts";
import { ActionBadge } from "./action-badge.tsx";
import { emptyDraft, TermFields, type TermDraft } from "./term-fields.tsx";

type Status = { tone: "success" | "error"; message: string } | null;

const toInput = (draft: TermDraft) => ({ term: draft.term, action: draft.action, fields: draft.fields, tag: draft.tag || null });

export function TermTable({ terms, maxTerms, onChanged }: { terms: TermView[]; maxTerms: number; onChanged: () => Promise<unknown> }) {
  const t = useTranslations("moderation.words");
  const trpc = useTRPC();
  const add = useMutation(trpc.watchedWords.add.mutationOptions());
  const update = useMutation(trpc.watchedWords.update.mutationOptions());
  const remove = useMutation(trpc.watchedWords.remove.mutationOptions());
  const [draft, setDraft] = useState<TermDraft>(emptyDraft);
  const [addErrors, setAddErrors] = useState<FieldErrors>({});
  const [editing, setEditing] = useState<{ id: string; draft: TermDraft; errors: FieldErrors } | null>(null);
  const [filter, setFilter] = useState("");
  const [status, setStatus] = useState<Status>(null);

  const failed = (error: unknown) => setStatus({ tone: "error", message: formErrorOf(error, t("failed")) ?? t("failed") });

  async function onAdd(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setStatus(null);
    try {
      const saved = await add.mutateAsync(toInput(draft));
      setDraft({ ...emptyDraft, action: draft.action, fields: draft.fields });
      setAddErrors({});
      await onChanged();
      setStatus({ tone: "success", message: t("terms.added", { term: saved.term }) });
    } catch (error) {
      setAddErrors(fieldErrorsOf(error));
      failed(error);
    }
  }

  async function onSave(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!editing) return;
    setStatus(null);
    try {
      const saved = await update.mutateAsync({ id: editing.id, ...toInput(editing.draft) });
      setEditing(null);
      await onChanged();
      setStatus({ tone: "success", message: t("terms.saved", { term: saved.term }) });
    } catch (error) {
      setEditing({ ...editing, errors: fieldErrorsOf(error) });
      failed(error);
    }
  }

  async function onRemove(term: TermView) {
    if (!window.confirm(t("terms.confirmRemove", { term: term.term }))) return;
    setStatus(null);
    try {
      await remove.mutateAsync({ id: term.id });
      await onChanged();
      setStatus({ tone: "success", message: t("terms.removed", { term: term.term }) });
    } catch (error) {
      failed(error);
    }
  }

  const needle = filter.trim().toLowerCase();
  const shown = needle ? terms.filter((term) => term.term.toLowerCase().includes(needle) || (term.tag ?? "").toLowerCase().includes(needle)) : terms;

  return (
    <Card className="sm:p-7" data-testid="terms-section">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h2 className="text-lg font-semibold text-fg">{t("terms.title")}</h2>
          <p className="mt-1 text-sm text-muted">{t("terms.count", { count: terms.length, max: maxTerms })}</p>
        </div>
        {terms.length > 0 ? (
          <div className="w-full sm:w-64">
            <label htmlFor="term-filter" className="sr-only">
              {t("terms.filter")}
            </label>
            <Input id="term-filter" type="search" placeholder={t("terms.filterHint")} value={filter} onChange={(e) => setFilter(e.target.value)} className="h-10" />
          </div>
        ) : null}
      </div>

      <StatusMessage tone={status?.tone ?? "info"} className="mt-4">
        {status?.message}
      </StatusMessage>

      {terms.length === 0 ? (
        <p className="mt-5 rounded-xl border border-dashed border-line px-4 py-6 text-center text-sm text-muted">{t("terms.empty")}</p>
      ) : shown.length === 0 ? (
        <p className="mt-5 text-sm text-muted">{t("terms.noMatch")}</p>
      ) : (
        <ul className="mt-5 divide-y divide-line border-y border-line" data-testid="term-list">
          {shown.map((term) =>
            editing?.id === term.id ? (
              <li key={term.id} className="bg-raised/60 px-1 py-4">
                <form onSubmit={onSave} noValidate aria-label={t("terms.editTerm", { term: term.term })}>
                  <TermFields id={`edit-${term.id}`} value={editing.draft} errors={editing.errors} onChange={(next) => setEditing({ ...editing, draft: next })} compact />
                  <div className="mt-3 flex gap-2">
                    <Button type="submit" size="sm" pending={update.isPending} data-testid="save-term">
                      {t("terms.save")}
                    </Button>
                    <Button size="sm" variant="ghost" onClick={() => setEditing(null)}>
                      {t("terms.cancel")}
                    </Button>
                  </div>
                </form>
              </li>
            ) : (
              <li key={term.id} className="flex flex-wrap items-center gap-x-4 gap-y-2 px-1 py-3" data-testid="term-row">
                <span lang="zh-CN" className="min-w-24 font-medium break-all text-fg">
                  {term.term}
                </span>
                <ActionBadge action={term.action} />
                <span className="text-sm text-muted">{term.fields.map((f) => t(`field.${f}`)).join(" · ")}</span>
                {term.tag ? <span className="rounded-full bg-raised px-2.5 py-0.5 text-xs text-muted">{term.tag}</span> : null}
                <span className="ml-auto flex gap-1">
                  <Button
                    size="sm"
                    variant="ghost"
                    aria-label={t("terms.editTerm", { term: term.term })}
                    onClick={() => setEditing({ id: term.id, draft: { term: term.term, action: term.action, fields: term.fields, tag: term.tag ?? "" }, errors: {} })}
                  >
                    {t("terms.edit")}
                  </Button>
                  <Button size="sm" variant="danger" aria-label={t("terms.removeTerm", { term: term.term })} onClick={() => onRemove(term)} data-testid="remove-term">
                    {t("terms.remove")}
                  </Button>
                </span>
              </li>
            ),
          )}
        </ul>
      )}

      <form onSubmit={onAdd} noValidate className="mt-6" aria-labelledby="add-term-title" data-testid="add-term-form">
        <h3 id="add-term-title" className="mb-3 text-base font-semibold text-fg">
          {t("terms.addTitle")}
        </h3>
        <TermFields id="add" value={draft} errors={addErrors} onChange={setDraft} />
        <Button type="submit" className="mt-4" pending={add.isPending} data-testid="add-term">
          {t("terms.add")}
        </Button>
      </form>
    </Card>
  );
}
