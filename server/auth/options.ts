/**
 * next-auth v4 configuration: database sessions through the Prisma adapter, email magic links
 * (10 minutes, single use), GitHub and Google when configured, our own pages, and ADMIN_EMAILS
 * (granted and taken back at sign-in: admin-grant.ts).
 *
 * Built lazily (getAuthOptions) because reading the configuration may fail or create the
 * generated secret, which must not happen while `next build` collects route modules.
 */
import type { NextAuthOptions } from "next-auth";
import EmailProvider from "next-auth/providers/email";
import GithubProvider from "next-auth/providers/github";
import GoogleProvider from "next-auth/providers/google";
import type { Db } from "@/server/db/client.ts";
import { getDb } from "@/server/db/index.ts";
import { getServerConfig, type ServerConfig } from "@/server/config/index.ts";
import { deliverSignInLink } from "@/server/mail/deliver-sign-in-link.ts";
import { lazyPrismaAdapter } from "./adapter.ts";
import { syncAdminGrant } from "./admin-grant.ts";
import { announceSessionsChanged } from "./session-changes.ts";
import { getLiveBus } from "@/server/live/process-bus.ts";
import { safeCallbackPath } from "./callback-url.ts";
import { currentRequestLocale } from "./request-locale.ts";
import { sessionMaxAgeSeconds, sessionUpdateAgeSeconds } from "./session-lifetime.ts";

/** How long a magic link works. */
export const magicLinkMaxAgeSeconds = 10 * 60;

export const authPages = {
  signIn: "/signin",
  verifyRequest: "/signin/check-email",
  error: "/signin/error",
} as const;

export type AuthConfig = Pick<
  ServerConfig,
  "siteUrl" | "isLocalSite" | "authSecret" | "email" | "github" | "google" | "adminEmails" | "secureCookies"
>;

export interface AuthDependencies {
  config: AuthConfig;
  getDb: () => Promise<Db>;
  /** Where the dev-mail line goes (the server log by default). */
  log?: (line: string) => void;
}

export function createAuthOptions({ config, getDb, log }: AuthDependencies): NextAuthOptions {
  const providers: NextAuthOptions["providers"] = [
    EmailProvider({
      maxAge: magicLinkMaxAgeSeconds,
      // Unused by our sendVerificationRequest, but next-auth reads them.
      server: config.email?.server ?? "smtp://localhost:25",
      from: config.email?.from ?? "Tuiquan <no-reply@localhost>",
      async sendVerificationRequest({ identifier, url }) {
        await deliverSignInLink(config, { to: identifier, url, locale: currentRequestLocale() }, log);
      },
    }),
  ];
  if (config.github) providers.push(GithubProvider({ clientId: config.github.id, clientSecret: config.github.secret }));
  if (config.google) providers.push(GoogleProvider({ clientId: config.google.id, clientSecret: config.google.secret }));

  return {
    adapter: lazyPrismaAdapter(getDb),
    providers,
    secret: config.authSecret,
    // Sliding: see session-lifetime.ts, which applies the same numbers to the sessions the app reads.
    session: { strategy: "database", maxAge: sessionMaxAgeSeconds, updateAge: sessionUpdateAgeSeconds },
    useSecureCookies: config.secureCookies,
    pages: authPages,
    callbacks: {
      // After sign-in (and sign-out) only a path on this site: never an open redirect.
      redirect({ url, baseUrl }) {
        return `${baseUrl}${safeCallbackPath(url, baseUrl)}`;
      },
    },
    events: {
      async signIn({ user }) {
        const db = await getDb();
        // Other app servers keep this reader's older sessions with the old role: tell them.
        if (await syncAdminGrant(db, user, config.adminEmails)) await announceSessionsChanged(db, getLiveBus(), user.id);
      },
    },
  };
}

let cached: NextAuthOptions | undefined;

/** The options for this process's configuration and database. */
export function getAuthOptions(): NextAuthOptions {
  cached ??= createAuthOptions({ config: getServerConfig(), getDb });
  return cached;
}
