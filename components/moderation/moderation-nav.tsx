/**
 * The tabs between the moderation areas (comments, polls, the audit log; for admins also watched
 * words and staff), at the top of each moderation page. Server-safe: plain links, the current one
 * marked with aria-current. The admin-only pages check the role again (and their procedures too).
 */
import { getTranslations } from "next-intl/server";
import { cx } from "@/components/ui";
import { getCurrentUser } from "@/server/auth/current-user.ts";
import type { AppLocale } from "@/server/i18n/locales.ts";

const areas = [
  { key: "comments", href: "/moderate", testId: "moderate-comments-link" },
  { key: "polls", href: "/moderate/polls", testId: "moderate-polls-link" },
  { key: "log", href: "/moderate/log", testId: "moderate-log-link" },
  { key: "words", href: "/moderate/words", testId: "moderate-words-link", adminOnly: true },
  { key: "staff", href: "/moderate/staff", testId: "moderate-staff-link", adminOnly: true },
] as const;

export async function ModerationNav({ locale, current }: { locale: AppLocale; current: (typeof areas)[number]["key"] }) {
  const t = await getTranslations({ locale, namespace: "moderation.nav" });
  const isAdmin = (await getCurrentUser())?.role === "ADMIN";
  const shown = areas.filter((area) => isAdmin || !("adminOnly" in area));
  return (
    <nav aria-label={t("label")} className="border-b border-line">
      <ul className="-mb-px flex gap-5 overflow-x-auto">
        {shown.map((area) => (
          <li key={area.key}>
            <a
              href={area.href}
              aria-current={area.key === current ? "page" : undefined}
              data-testid={area.testId}
              className={cx(
                "inline-block border-b-2 py-2.5 text-sm font-medium whitespace-nowrap transition-colors",
                area.key === current ? "border-accent text-fg" : "border-transparent text-muted hover:text-fg",
              )}
            >
              {t(area.key)}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
