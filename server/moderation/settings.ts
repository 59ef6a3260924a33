/**
 * Essay and site moderation settings (docs/moderation.md, "Settings"). No cache: the pipeline
 * reads them in its one statement, so a lock or a new threshold takes effect at once on every
 * app server. Every change is in the audit log with before and after.
 */
import type { z } from "zod";
import type { RequestMeta } from "@/server/api/trpc.ts";
import type { essaySettingsInput, essaySettingsOutput, siteSettingsInput, siteSettingsSchema } from "@/server/api/routers/moderation/schemas.ts";
import type { Db } from "@/server/db/client.ts";
import { essayForComments } from "@/server/comments/essay.ts";
import { appendModerationLog } from "./audit-log.ts";

const essaySelect = { slug: true, commentsLockedAt: true, commentsLockMessage: true, slowModeSeconds: true, premoderateAll: true, commentsCloseAt: true } as const;

type EssaySettings = z.infer<typeof essaySettingsOutput>;

function toEssaySettings(e: { slug: string; commentsLockedAt: Date | null; commentsLockMessage: string | null; slowModeSeconds: number; premoderateAll: boolean; commentsCloseAt: Date | null }): EssaySettings {
  return { slug: e.slug, lockedAt: e.commentsLockedAt, lockMessage: e.commentsLockMessage, slowModeSeconds: e.slowModeSeconds, premoderateAll: e.premoderateAll, closeAt: e.commentsCloseAt };
}

export async function essaySettings(db: Db, slug: string | undefined): Promise<EssaySettings> {
  const essay = await essayForComments(db, slug);
  return toEssaySettings(await db.essay.findUniqueOrThrow({ where: { id: essay.id }, select: essaySelect }));
}

export async function updateEssaySettings(
  db: Db,
  actorId: string,
  input: z.output<typeof essaySettingsInput>,
  { request, now = new Date() }: { request: RequestMeta; now?: Date },
): Promise<EssaySettings> {
  const essay = await essayForComments(db, input.slug);
  return db.$transaction(async (tx) => {
    const before = toEssaySettings(await tx.essay.findUniqueOrThrow({ where: { id: essay.id }, select: essaySelect }));
    const lock =
      input.lock === undefined
        ? {}
        : input.lock === null
          ? { commentsLockedAt: null, commentsLockMessage: null }
          : { commentsLockedAt: before.lockedAt ?? now, commentsLockMessage: input.lock.message || null };
    const after = toEssaySettings(
      await tx.essay.update({
        where: { id: essay.id },
        data: {
          ...lock,
          ...(input.slowModeSeconds === undefined ? {} : { slowModeSeconds: input.slowModeSeconds }),
          ...(input.premoderateAll === undefined ? {} : { premoderateAll: input.premoderateAll }),
          ...(input.closeAt === undefined ? {} : { commentsCloseAt: input.closeAt }),
        },
        select: essaySelect,
      }),
    );
    await appendModerationLog(tx, [{ actorId, action: "essay_settings", targetType: "essay", targetId: essay.id, before, after, request, at: now }]);
    return after;
  });
}

export async function siteSettings(db: Db): Promise<z.infer<typeof siteSettingsSchema>> {
  return db.siteSetting.findUniqueOrThrow({ where: { id: 1 }, select: { premoderateFirstN: true, flagHideThreshold: true, newAccountDays: true, newAccountLinkLimit: true } });
}

export async function updateSiteSettings(db: Db, actorId: string, input: z.output<typeof siteSettingsInput>, request: RequestMeta): Promise<z.infer<typeof siteSettingsSchema>> {
  return db.$transaction(async (tx) => {
    const select = { premoderateFirstN: true, flagHideThreshold: true, newAccountDays: true, newAccountLinkLimit: true } as const;
    const before = await tx.siteSetting.findUniqueOrThrow({ where: { id: 1 }, select });
    const after = await tx.siteSetting.update({ where: { id: 1 }, data: input, select });
    await appendModerationLog(tx, [{ actorId, action: "site_settings", targetType: "settings", targetId: "site", before, after, request }]);
    return after;
  });
}
