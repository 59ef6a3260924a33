"use client";
/**
 * Signed-in state in the header. The page itself is the same for every reader (it is cached), so
 * who is reading is asked from the browser through me.get.
 */
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { NotificationBell } from "@/components/notifications/notification-bell.tsx";
import type { NotificationLabels } from "@/components/notifications/notification-labels.ts";
import { useTRPC } from "@/components/providers/trpc.ts";
import { cx } from "@/components/ui/cx.ts";
import { AccountPlaceholder } from "./account-placeholder.tsx";
import { signOut } from "./sign-out.ts";

export interface AuthStatusLabels {
  signIn: string;
  account: string;
  /** "Account: {name}" with {name} left in for the reader's name. */
  accountOf: string;
  signOut: string;
  signingOut: string;
  /** The link to /moderate, shown to moderators and admins only. */
  moderate?: string;
}

const pill = "inline-flex h-9 items-center rounded-full px-3.5 text-sm font-medium transition-colors whitespace-nowrap";

export function AuthStatus({ labels, notificationLabels }: { labels: AuthStatusLabels; notificationLabels: NotificationLabels }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const me = useQuery(trpc.me.get.queryOptions());
  const [signingOut, setSigningOut] = useState(false);
  const [signInHref, setSignInHref] = useState("/signin");

  // After signing in the reader comes back here (the sign-in page validates the path).
  useEffect(() => {
    const here = `${window.location.pathname}${window.location.search}${window.location.hash}`;
    if (!here.startsWith("/signin")) setSignInHref(`/signin?callbackUrl=${encodeURIComponent(here)}`);
  }, []);

  if (me.isPending) return <AccountPlaceholder />;

  const user = me.data;
  if (!user) {
    return (
      <a data-testid="signin-link" href={signInHref} className={cx(pill, "bg-fg text-bg hover:opacity-85")}>
        {labels.signIn}
      </a>
    );
  }

  const name = user.name || user.email?.split("@")[0] || labels.account;
  async function onSignOut() {
    setSigningOut(true);
    try {
      await signOut();
    } finally {
      queryClient.clear();
      window.location.reload();
    }
  }

  return (
    <div className="flex items-center gap-1">
      {labels.moderate && (user.role === "MODERATOR" || user.role === "ADMIN") ? (
        // From sm up only: at phone width the header has no room left for it (the account page links it).
        <a data-testid="moderate-link" href="/moderate" className={cx(pill, "px-2.5 text-muted hover:bg-raised hover:text-fg max-sm:hidden")}>
          {labels.moderate}
        </a>
      ) : null}
      <NotificationBell labels={notificationLabels} />
      <a
        data-testid="account-link"
        href="/account"
        aria-label={labels.accountOf.replace("{name}", name)}
        className={cx(pill, "max-w-[9rem] gap-2 px-2 text-fg hover:bg-raised sm:max-w-[14rem]")}
      >
        <span aria-hidden="true" className="grid size-7 shrink-0 place-items-center rounded-full bg-accent-soft text-xs font-semibold text-accent">
          {[...name][0]?.toUpperCase()}
        </span>
        <span className="hidden truncate sm:inline">{name}</span>
      </a>
      <button
        type="button"
        data-testid="signout"
        onClick={onSignOut}
        disabled={signingOut}
        // On phones the header has no room for it next to the bell: the account page has it too.
        className={cx(pill, "px-3 text-muted hover:bg-raised hover:text-fg disabled:opacity-60 max-sm:hidden")}
      >
        {signingOut ? labels.signingOut : labels.signOut}
      </button>
    </div>
  );
}
