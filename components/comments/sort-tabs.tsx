"use client";
/**
 * Top / Newest / Oldest as a radio group of buttons: one tab stop, arrow keys move and choose
 * (WAI-ARIA radio group pattern).
 */
import { useTranslations } from "next-intl";
import { useRef, type KeyboardEvent } from "react";
import type { CommentSort } from "@/server/api/routers/comments/schemas.ts";
import { commentSorts } from "./sort.ts";
import { SortTabsLook } from "./sort-tabs-look.tsx";

export function SortTabs({ value, onChange, disabled = false }: { value: CommentSort; onChange: (sort: CommentSort) => void; disabled?: boolean }) {
  const t = useTranslations("comments.sort");
  const refs = useRef<Array<HTMLButtonElement | null>>([]);

  function onKeyDown(event: KeyboardEvent) {
    const step = event.key === "ArrowRight" || event.key === "ArrowDown" ? 1 : event.key === "ArrowLeft" || event.key === "ArrowUp" ? -1 : 0;
    if (step === 0) return;
    event.preventDefault();
    const index = (commentSorts.indexOf(value) + step + commentSorts.length) % commentSorts.length;
    onChange(commentSorts[index]!);
    refs.current[index]?.focus();
  }

  return <SortTabsLook value={value} label={t("label")} names={(sort) => t(sort)} onKeyDown={onKeyDown} onChange={onChange} refs={refs} disabled={disabled} />;
}
