"use client";
/**
 * "Your data" on /account: download everything that is the reader's (a plain link to
 * GET /api/me/export, so the browser saves the file itself) and delete the account after typing the
 * phrase shown (me.deleteAccount checks it again on the server). docs/data-rights.md.
 */
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { ModalDialog } from "@/components/comments/modal-dialog.tsx";
import { useTRPC } from "@/components/providers/trpc.ts";
import { Button, TextField, buttonClasses } from "@/components/ui/index.ts";

export function YourDataSection({ phrase }: { phrase: string }) {
  const t = useTranslations("account.data");
  const trpc = useTRPC();
  const remove = useMutation(trpc.me.deleteAccount.mutationOptions());
  const [open, setOpen] = useState(false);
  const [typed, setTyped] = useState("");
  const [error, setError] = useState<string | null>(null);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    try {
      await remove.mutateAsync({ confirmation: typed });
      // The session is gone on the server: a full load shows the site signed out.
      window.location.assign("/");
    } catch (caught) {
      setError(caught instanceof Error && caught.message ? caught.message : t("deleteFailed"));
    }
  }

  return (
    <section aria-labelledby="your-data-title" className="flex flex-col gap-4" data-testid="your-data">
      <h2 id="your-data-title" className="text-sm font-medium text-fg">
        {t("title")}
      </h2>
      <div className="flex flex-col gap-2">
        <p className="text-sm text-muted">{t("exportHint")}</p>
        <a href="/api/me/export" download className={buttonClasses("secondary", "md", "self-start")} data-testid="export-data">
          {t("export")}
        </a>
      </div>
      <div className="flex flex-col gap-2">
        <p className="text-sm text-muted">{t("deleteHint")}</p>
        <Button variant="danger" className="self-start" onClick={() => setOpen(true)} data-testid="delete-account">
          {t("delete")}
        </Button>
      </div>
      <ModalDialog
        open={open}
        onClose={() => {
          setOpen(false);
          setTyped("");
          setError(null);
        }}
        title={t("dialogTitle")}
        testId="delete-account-dialog"
      >
        <form onSubmit={onSubmit} className="mt-3 flex flex-col gap-4">
          <ul className="list-disc space-y-1 pl-5 text-sm text-muted">
            <li>{t("effectComments")}</li>
            <li>{t("effectBallots")}</li>
            <li>{t("effectRest")}</li>
          </ul>
          <TextField
            id="delete-account-confirmation"
            label={t.rich("typePhrase", { phrase: () => <strong className="font-semibold break-all text-fg">{phrase}</strong> })}
            value={typed}
            onChange={(event) => setTyped(event.target.value)}
            autoComplete="off"
            autoCapitalize="off"
            spellCheck={false}
            error={error ?? undefined}
            data-testid="delete-account-confirmation"
          />
          <div className="flex flex-wrap justify-end gap-2">
            <Button variant="secondary" onClick={() => setOpen(false)}>
              {t("cancel")}
            </Button>
            <Button type="submit" variant="danger" pending={remove.isPending} data-testid="delete-account-confirm">
              {remove.isPending ? t("deleting") : t("confirmDelete")}
            </Button>
          </div>
        </form>
      </ModalDialog>
    </section>
  );
}
