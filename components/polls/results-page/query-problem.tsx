"use client";
/** A query of the results page that failed: the server's message (already translated) and a retry. */
import { useTranslations } from "next-intl";
import { Button, StatusMessage } from "@/components/ui";

export function QueryProblem({ message, onRetry }: { message: string; onRetry: () => void }) {
  const t = useTranslations("polls");
  return (
    <div className="flex flex-wrap items-center gap-3">
      <StatusMessage tone="error">{message || t("loadFailed")}</StatusMessage>
      <Button variant="secondary" size="sm" onClick={onRetry}>
        {t("retry")}
      </Button>
    </div>
  );
}
