"use client";
/** The allow list: phrases inside which a term's match does not count (白色情人节 for 色情). */
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { useTRPC } from "@/components/providers/trpc.ts";
import { Button, Card, StatusMessage, TextField } from "@/components/ui/index.ts";
import { fieldErrorsOf, formErrorOf } from "@/components/moderation/form-errors.ts";

type Status = { tone: "success" | "error"; message: string } | null;

export function AllowList({ phrases, onChanged }: { phrases: { id: string; phrase: string }[]; onChanged: () => Promise<unknown> }) {
  const t = useTranslations("moderation.words");
  const trpc = useTRPC();
  const add = useMutation(trpc.watchedWords.addAllowPhrase.mutationOptions());
  const remove = useMutation(trpc.watchedWords.removeAllowPhrase.mutationOptions());
  const [phrase, setPhrase] = useState("");
  const [error, setError] = useState<string | undefined>();
  const [status, setStatus] = useState<Status>(null);

  async function onAdd(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setStatus(null);
    try {
      const saved = await add.mutateAsync({ phrase });
      setPhrase("");
      setError(undefined);
      await onChanged();
      setStatus({ tone: "success", message: t("allow.added", { phrase: saved.phrase }) });
    } catch (caught) {
      setError(fieldErrorsOf(caught).phrase);
      setStatus({ tone: "error", message: formErrorOf(caught, t("failed")) ?? fieldErrorsOf(caught).phrase ?? t("failed") });
    }
  }

  async function onRemove(item: { id: string; phrase: string }) {
    setStatus(null);
    try {
      await remove.mutateAsync({ id: item.id });
      await onChanged();
      setStatus({ tone: "success", message: t("allow.removed", { phrase: item.phrase }) });
    } catch (caught) {
      setStatus({ tone: "error", message: formErrorOf(caught, t("failed")) ?? t("failed") });
    }
  }

  return (
    <Card className="sm:p-7" data-testid="allow-section">
      <h2 className="text-lg font-semibold text-fg">{t("allow.title")}</h2>
      <p className="mt-1 text-sm leading-relaxed text-muted">{t("allow.intro")}</p>
      <StatusMessage tone={status?.tone ?? "info"} className="mt-4">
        {status?.message}
      </StatusMessage>
      {phrases.length === 0 ? (
        <p className="mt-4 text-sm text-muted">{t("allow.empty")}</p>
      ) : (
        <ul className="mt-4 flex flex-wrap gap-2" data-testid="allow-list">
          {phrases.map((item) => (
            <li key={item.id} className="inline-flex items-center gap-1 rounded-full border border-line bg-raised py-1 pr-1 pl-3 text-sm text-fg">
              <span lang="zh-CN">{item.phrase}</span>
              <button
                type="button"
                onClick={() => onRemove(item)}
                aria-label={t("allow.remove", { phrase: item.phrase })}
                className="inline-flex size-6 items-center justify-center rounded-full text-muted hover:bg-surface hover:text-danger focus-visible:outline-2 focus-visible:outline-focus"
              >
                <span aria-hidden="true">×</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      <form onSubmit={onAdd} noValidate className="mt-5 flex flex-wrap items-end gap-3">
        <TextField id="allow-phrase" label={t("allow.phrase")} value={phrase} onChange={(e) => setPhrase(e.target.value)} error={error} maxLength={200} className="min-w-0 flex-1" />
        <Button type="submit" variant="secondary" pending={add.isPending} className="mb-0.5">
          {t("allow.add")}
        </Button>
      </form>
    </Card>
  );
}
