"use client";
/**
 * Import (a textarea, merge or replace, every bad line listed; nothing stored unless all are good)
 * and export (the stored terms as a .txt download). The draft is lifted to the page so "try a
 * sentence" can try it before it is saved.
 */
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { useTRPC } from "@/components/providers/trpc.ts";
import { Button, Card, StatusMessage } from "@/components/ui/index.ts";
import { formErrorOf } from "@/components/moderation/form-errors.ts";
import { textAreaClasses } from "./text-area.ts";
import { LineErrors } from "./try-sentence.tsx";

export type ImportDraft = { text: string; mode: "merge" | "replace" };

export function ImportExport({ draft, onDraft, onChanged }: { draft: ImportDraft; onDraft: (draft: ImportDraft) => void; onChanged: () => Promise<unknown> }) {
  const t = useTranslations("moderation.words");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const run = useMutation(trpc.watchedWords.import.mutationOptions());
  const [outcome, setOutcome] = useState<{ tone: "success" | "error"; message: string } | null>(null);
  const [lineErrors, setLineErrors] = useState<{ message: string; errors: { line: number; message: string }[] } | null>(null);
  const [exporting, setExporting] = useState(false);

  async function onImport(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setOutcome(null);
    setLineErrors(null);
    if (draft.mode === "replace" && !window.confirm(t("import.confirmReplace"))) return;
    try {
      const result = await run.mutateAsync(draft);
      if (!result.ok) {
        setLineErrors(result);
        return;
      }
      onDraft({ ...draft, text: "" });
      await onChanged();
      setOutcome({ tone: "success", message: t("import.done", { added: result.added, updated: result.updated, removed: result.removed, total: result.total }) });
    } catch (caught) {
      setOutcome({ tone: "error", message: formErrorOf(caught, t("failed")) ?? t("failed") });
    }
  }

  async function onExport() {
    setExporting(true);
    try {
      const { text } = await queryClient.fetchQuery({ ...trpc.watchedWords.export.queryOptions(), staleTime: 0 });
      const url = URL.createObjectURL(new Blob([text], { type: "text/plain;charset=utf-8" }));
      const link = document.createElement("a");
      link.href = url;
      link.download = `watched-words-${new Date().toISOString().slice(0, 10)}.txt`;
      link.click();
      URL.revokeObjectURL(url);
    } catch (caught) {
      setOutcome({ tone: "error", message: formErrorOf(caught, t("failed")) ?? t("failed") });
    } finally {
      setExporting(false);
    }
  }

  return (
    <Card className="sm:p-7" data-testid="import-section">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <h2 className="text-lg font-semibold text-fg">{t("import.title")}</h2>
        <Button variant="secondary" size="sm" onClick={onExport} pending={exporting} data-testid="export">
          {exporting ? t("import.exporting") : t("import.export")}
        </Button>
      </div>
      <p className="mt-1 text-sm leading-relaxed text-muted">{t("import.intro")}</p>
      <form onSubmit={onImport} noValidate className="mt-4 flex flex-col gap-3">
        <label htmlFor="import-text" className="text-sm font-medium text-fg">
          {t("import.text")}
        </label>
        <textarea
          id="import-text"
          lang="zh-CN"
          rows={6}
          spellCheck={false}
          value={draft.text}
          onChange={(e) => onDraft({ ...draft, text: e.target.value })}
          className={`${textAreaClasses} font-mono text-sm`}
          placeholder={"办证\thold\tbody,link\tspam"}
          data-testid="import-text"
        />
        <fieldset className="flex flex-col gap-2">
          <legend className="mb-1 text-sm font-medium text-fg">{t("import.mode")}</legend>
          {(["merge", "replace"] as const).map((mode) => (
            <label key={mode} className="inline-flex items-start gap-2 text-sm text-fg">
              <input type="radio" name="import-mode" className="mt-0.5 size-4 accent-accent" checked={draft.mode === mode} onChange={() => onDraft({ ...draft, mode })} />
              {t(`import.${mode}`)}
            </label>
          ))}
        </fieldset>
        <div>
          <Button type="submit" pending={run.isPending} disabled={draft.text.trim() === ""} data-testid="import-submit">
            {t("import.submit")}
          </Button>
        </div>
      </form>
      <div className="mt-4 flex flex-col gap-3">
        {lineErrors ? <LineErrors message={lineErrors.message} errors={lineErrors.errors} /> : null}
        <StatusMessage tone={outcome?.tone ?? "info"}>{outcome?.message}</StatusMessage>
      </div>
    </Card>
  );
}
