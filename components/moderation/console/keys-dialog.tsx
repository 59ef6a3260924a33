"use client";
/** The "?" list of the console's keys (queue-keys.ts). */
import { useTranslations } from "next-intl";
import { ModalDialog } from "@/components/comments/modal-dialog.tsx";
import { Button } from "@/components/ui";
import { queueKeyList } from "./queue-keys.ts";

export function KeysDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const t = useTranslations("moderation.console.keys");
  return (
    <ModalDialog open={open} onClose={onClose} title={t("title")} testId="keys-dialog">
      <ul className="mt-4 divide-y divide-line rounded-xl border border-line">
        {queueKeyList.map(({ key, command }) => (
          <li key={key} className="flex items-center justify-between gap-4 px-3 py-2 text-sm">
            <span className="text-fg">{t(command)}</span>
            <kbd className="min-w-7 rounded-md border border-line bg-raised px-2 py-0.5 text-center font-mono text-xs text-fg">{key}</kbd>
          </li>
        ))}
      </ul>
      <div className="mt-5 flex justify-end">
        <Button variant="secondary" size="sm" onClick={onClose} autoFocus>
          {t("close")}
        </Button>
      </div>
    </ModalDialog>
  );
}
