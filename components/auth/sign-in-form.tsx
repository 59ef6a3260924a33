"use client";
/**
 * The email sign-in form. Posts to next-auth itself (through components/auth/auth-client.ts) so
 * the server's answer, an invalid address or "try again in N minutes", shows right here.
 */
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { Button, StatusMessage, TextField } from "@/components/ui/index.ts";
import { useHydrated } from "@/components/ui/use-hydrated.ts";
import { postSignIn } from "./auth-client.ts";
import { knownSignInError } from "./sign-in-errors.ts";

type State = { kind: "idle" } | { kind: "sending" } | { kind: "sent" } | { kind: "failed"; message: string; field: boolean };

export function SignInForm({ callbackUrl, staleForm = false }: { callbackUrl: string; staleForm?: boolean }) {
  const t = useTranslations("auth");
  const [email, setEmail] = useState("");
  const [state, setState] = useState<State>(
    staleForm ? { kind: "failed", message: t("signIn.csrfExpired"), field: false } : { kind: "idle" },
  );
  const hydrated = useHydrated();

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setState({ kind: "sending" });
    try {
      const answer = await postSignIn("email", { email, callbackUrl });
      if (answer.kind === "refused") {
        setState({ kind: "failed", message: answer.message, field: answer.error === "invalid_email" });
      } else if (answer.kind === "error") {
        const code = knownSignInError(answer.code);
        setState({ kind: "failed", message: code === "csrf" ? t("signIn.csrfExpired") : t(`error.${code}`), field: false });
      } else {
        setState({ kind: "sent" });
        const address = email.trim().toLowerCase();
        window.location.assign(`/signin/check-email?email=${encodeURIComponent(address)}`);
      }
    } catch {
      setState({ kind: "failed", message: t("validation.network"), field: false });
    }
  }

  const busy = state.kind === "sending" || state.kind === "sent";
  const fieldError = state.kind === "failed" && state.field ? state.message : undefined;

  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
      {/* Nothing can be typed or sent before hydration: React would replace the typed address with
          its empty state, and the browser would send the form to this page as a GET (use-hydrated.ts). */}
      <fieldset disabled={!hydrated} className="contents">
        <TextField
          id="signin-email"
          name="email"
          type="email"
          label={t("signIn.emailLabel")}
          placeholder={t("signIn.emailPlaceholder")}
          autoComplete="email"
          inputMode="email"
          autoCapitalize="none"
          spellCheck={false}
          maxLength={320}
          value={email}
          onChange={(event) => setEmail(event.target.value)}
          error={fieldError}
          readOnly={busy}
        />
        <Button type="submit" size="lg" pending={busy} data-testid="signin-email-submit" className="w-full">
          {busy ? t("signIn.submitting") : t("signIn.submit")}
        </Button>
      </fieldset>
      <StatusMessage tone={state.kind === "failed" && !state.field ? "error" : "info"}>
        {state.kind === "failed" && !state.field ? state.message : null}
      </StatusMessage>
    </form>
  );
}
