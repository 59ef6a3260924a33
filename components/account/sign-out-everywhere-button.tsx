"use client";
/**
 * "Sign out everywhere" (me.signOutEverywhere): ends every session of the reader, on every device
 * and app server, this one included; then goes to the essay, signed out.
 */
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useTRPC } from "@/components/providers/trpc.ts";
import { Button } from "@/components/ui/index.ts";

export function SignOutEverywhereButton() {
  const t = useTranslations("account.signOutEverywhere");
  const trpc = useTRPC();
  const signOut = useMutation(trpc.me.signOutEverywhere.mutationOptions({ onSuccess: () => window.location.assign("/") }));
  // Still pending while the browser leaves the page.
  const pending = signOut.isPending || signOut.isSuccess;

  return (
    <div className="flex flex-col items-start gap-2">
      <p id="sign-out-everywhere-hint" className="text-sm text-muted">
        {t("hint")}
      </p>
      <Button
        variant="secondary"
        onClick={() => signOut.mutate()}
        pending={pending}
        aria-describedby="sign-out-everywhere-hint"
        data-testid="account-signout-everywhere"
      >
        {pending ? t("pending") : t("button")}
      </Button>
      {signOut.isError ? (
        <p role="alert" className="text-sm text-danger">
          {signOut.error.message || t("failed")}
        </p>
      ) : null}
    </div>
  );
}
