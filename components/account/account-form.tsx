"use client";
/**
 * The account settings form: display name and interface language, saved through me.update. The
 * server validates (server/api/routers/me/schemas.ts) and answers in the reader's language; a
 * field's message shows under that field. A new language takes effect at once (cookie + reload).
 */
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { useTRPC } from "@/components/providers/trpc.ts";
import { Button, SelectField, StatusMessage, TextField } from "@/components/ui/index.ts";
import { useHydrated } from "@/components/ui/use-hydrated.ts";
import { setLocaleCookie } from "@/components/locale/locale-cookie.ts";
import { locales, type AppLocale } from "@/server/i18n/locales.ts";

type Status = { tone: "success" | "info" | "error"; message: string } | null;

interface FieldErrors {
  name?: string;
  locale?: string;
}

function fieldErrorsOf(error: unknown): FieldErrors {
  const data = (error as { data?: { fieldErrors?: Record<string, string> } } | null)?.data;
  return { name: data?.fieldErrors?.name, locale: data?.fieldErrors?.locale };
}

export function AccountForm({ initialName, initialLocale }: { initialName: string; initialLocale: AppLocale }) {
  const t = useTranslations("account");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const update = useMutation(trpc.me.update.mutationOptions());
  const [saved, setSaved] = useState({ name: initialName, locale: initialLocale });
  const [name, setName] = useState(initialName);
  const [locale, setLocale] = useState<AppLocale>(initialLocale);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [status, setStatus] = useState<Status>(null);
  const hydrated = useHydrated();

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const input: { name?: string; locale?: AppLocale } = {};
    if (name !== saved.name) input.name = name;
    if (locale !== saved.locale) input.locale = locale;
    if (Object.keys(input).length === 0) {
      setErrors({});
      setStatus({ tone: "info", message: t("unchanged") });
      return;
    }
    setStatus(null);
    try {
      const me = await update.mutateAsync(input);
      const next = { name: me?.name ?? "", locale: me?.locale ?? locale };
      setSaved(next);
      setName(next.name);
      setErrors({});
      setStatus({ tone: "success", message: t("saved") });
      await queryClient.invalidateQueries(trpc.me.get.queryFilter());
      if (input.locale) {
        // The new language applies to every page at once: the cookie picks it, the reload shows it.
        setLocaleCookie(input.locale);
        window.location.reload();
      }
    } catch (error) {
      const fieldErrors = fieldErrorsOf(error);
      setErrors(fieldErrors);
      const message = error instanceof Error && error.message ? error.message : t("failed");
      setStatus(fieldErrors.name || fieldErrors.locale ? null : { tone: "error", message });
    }
  }

  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-6">
      {/* Nothing can be typed or sent before hydration: React would put the saved values back, and
          the browser would send the form to this page as a GET (use-hydrated.ts). */}
      <fieldset disabled={!hydrated} className="contents">
        <TextField
          id="account-display-name"
          name="name"
          label={t("displayName")}
          hint={t("displayNameHint")}
          placeholder={t("displayNamePlaceholder")}
          autoComplete="nickname"
          maxLength={64}
          value={name}
          onChange={(event) => setName(event.target.value)}
          error={errors.name}
          data-testid="display-name"
        />
        <SelectField
          id="account-locale"
          name="locale"
          label={t("locale")}
          hint={t("localeHint")}
          value={locale}
          onChange={(event) => setLocale(event.target.value as AppLocale)}
          error={errors.locale}
          data-testid="account-locale"
        >
          {locales.map((option) => (
            <option key={option} value={option} lang={option === "zh" ? "zh-CN" : "en"}>
              {t(`locales.${option}`)}
            </option>
          ))}
        </SelectField>
        <div className="flex flex-wrap items-center gap-4">
          <Button type="submit" pending={update.isPending} data-testid="account-save">
            {update.isPending ? t("saving") : t("save")}
          </Button>
        </div>
      </fieldset>
      <StatusMessage tone={status?.tone === "error" ? "error" : status?.tone === "success" ? "success" : "info"}>
        {status?.message}
      </StatusMessage>
    </form>
  );
}
