"use client";
/**
 * "支持 Markdown": a small disclosure listing the subset the server renders (issue 4). A native
 * <details>, so it opens with the keyboard and needs no focus management; Escape closes it.
 */
import { useTranslations } from "next-intl";

const rules = ["bold", "italic", "strike", "code", "quote", "list", "link"] as const;

export function MarkdownHint() {
  const t = useTranslations("comments.composer.markdown");
  return (
    <details
      className="group relative"
      onKeyDown={(event) => {
        if (event.key === "Escape" && event.currentTarget.open) {
          event.currentTarget.open = false;
          event.currentTarget.querySelector("summary")?.focus();
        }
      }}
    >
      <summary className="cursor-pointer list-none rounded-md px-2 py-1 text-xs text-subtle select-none hover:text-fg [&::-webkit-details-marker]:hidden">
        <span aria-hidden="true" className="mr-1 font-mono">
          M↓
        </span>
        {t("button")}
      </summary>
      <div className="absolute right-0 z-20 mt-1 w-64 rounded-xl border border-line bg-surface p-3 text-sm shadow-lg">
        <p className="mb-2 text-xs font-semibold text-muted">{t("title")}</p>
        <ul className="flex flex-col gap-1 font-mono text-[0.8125rem] text-fg">
          {rules.map((rule) => (
            <li key={rule}>{t(rule)}</li>
          ))}
        </ul>
        <p className="mt-2 text-xs text-subtle">{t("none")}</p>
      </div>
    </details>
  );
}
