"use client";
/**
 * A signed-in reader's saved language wins over this browser's cookie (contract 1): when they
 * differ, adopt the saved one and reload. Renders nothing.
 */
import { useQuery } from "@tanstack/react-query";
import { useEffect } from "react";
import { useTRPC } from "@/components/providers/trpc.ts";
import type { AppLocale } from "@/server/i18n/locales.ts";
import { reloadKeepingScroll, setLocaleCookie } from "./locale-cookie.ts";

const attemptKey = "tuiquan-locale-sync";

export function LocaleSync({ locale }: { locale: AppLocale }) {
  const trpc = useTRPC();
  const { data: me } = useQuery(trpc.me.get.queryOptions());
  const saved = me?.locale ?? null;

  useEffect(() => {
    if (!saved || saved === locale) return;
    // Once per tab and target: if cookies are blocked the reload would not help, so never loop.
    try {
      if (sessionStorage.getItem(attemptKey) === saved) return;
      sessionStorage.setItem(attemptKey, saved);
    } catch {
      return;
    }
    setLocaleCookie(saved);
    reloadKeepingScroll();
  }, [saved, locale]);

  return null;
}
