"use client";
/**
 * Signs out (next-auth's CSRF-protected POST /api/auth/signout, via components/header/sign-out.ts)
 * and goes to `redirectTo`. The header has its own (data-testid="signout"); this one is for pages
 * such as /account, so its test id differs and a page never has two "signout" buttons.
 */
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button, type ButtonVariant } from "@/components/ui/index.ts";
import { signOut } from "@/components/header/sign-out.ts";

export function SignOutButton({
  redirectTo = "/",
  variant = "secondary",
  testId = "account-signout",
}: {
  redirectTo?: string;
  variant?: ButtonVariant;
  testId?: string;
}) {
  const t = useTranslations("auth.signOut");
  const [state, setState] = useState<"idle" | "pending" | "failed">("idle");

  async function onClick() {
    setState("pending");
    try {
      await signOut();
      window.location.assign(redirectTo);
    } catch {
      setState("failed");
    }
  }

  return (
    <div className="flex flex-col items-start gap-2">
      <Button variant={variant} onClick={onClick} pending={state === "pending"} data-testid={testId}>
        {state === "pending" ? t("pending") : t("button")}
      </Button>
      {state === "failed" ? (
        <p role="alert" className="text-sm text-danger">
          {t("failed")}
        </p>
      ) : null}
    </div>
  );
}
