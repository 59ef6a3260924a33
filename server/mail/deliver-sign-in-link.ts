/**
 * Sends a sign-in link: through the configured SMTP server, or, on a localhost site without one,
 * to the server log (one line naming the recipient and holding the URL) and the dev outbox.
 * A public site without a mail server never gets here: configuration refuses to start it.
 */
import type { ServerConfig } from "@/server/config/index.ts";
import type { AppLocale } from "@/server/i18n/locales.ts";
import { renderSignInEmail } from "./sign-in-email.ts";
import { sendMail } from "./transport.ts";
import { addToOutbox } from "./dev-outbox.ts";

export type MailConfig = Pick<ServerConfig, "email" | "isLocalSite" | "siteUrl">;

export interface SignInLink {
  to: string;
  url: string;
  locale: AppLocale;
}

export async function deliverSignInLink(
  config: MailConfig,
  link: SignInLink,
  log: (line: string) => void = (line) => console.info(line),
): Promise<"smtp" | "outbox"> {
  const message = renderSignInEmail({ ...link, host: config.siteUrl.host });
  if (config.email) {
    await sendMail(config.email.server, { from: config.email.from, to: link.to, ...message });
    return "smtp";
  }
  if (config.isLocalSite) {
    log(`[dev-mail] sign-in link for ${link.to}: ${link.url}`);
    addToOutbox({ to: link.to, url: link.url, ...message });
    return "outbox";
  }
  throw new Error("No mail server is configured (EMAIL_SERVER) and the site is not local: cannot send a sign-in link");
}
