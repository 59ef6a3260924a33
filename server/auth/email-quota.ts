/**
 * At most 5 sign-in emails to one address per 10 minutes, counted in the SignInEmail table so the
 * limit holds across restarts and processes.
 *
 * A send is reserved before the email goes out (and released when it fails), inside a transaction
 * that holds a per-address advisory lock: two simultaneous requests cannot both take the last slot.
 */
import type { Db } from "@/server/db/client.ts";

export const signInEmailLimit = { max: 5, windowMs: 10 * 60 * 1000 } as const;

export type QuotaDecision =
  | { allowed: true; reservationId: bigint }
  | { allowed: false; retryAfterMinutes: number };

export async function reserveSignInEmail(db: Db, email: string, now: Date = new Date()): Promise<QuotaDecision> {
  const windowStart = new Date(now.getTime() - signInEmailLimit.windowMs);
  return db.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT 1 AS locked FROM (SELECT pg_advisory_xact_lock(hashtext(${email}))) AS lock`;
    // Rows that left the window no longer count: drop them so the table stays small.
    await tx.signInEmail.deleteMany({ where: { email, sentAt: { lte: windowStart } } });
    const recent = await tx.signInEmail.findMany({
      where: { email, sentAt: { gt: windowStart } },
      orderBy: { sentAt: "asc" },
      select: { sentAt: true },
    });
    const oldest = recent[0];
    if (recent.length >= signInEmailLimit.max && oldest) {
      // A slot frees when the oldest of the recent sends leaves the window.
      const freeAt = oldest.sentAt.getTime() + signInEmailLimit.windowMs;
      return { allowed: false, retryAfterMinutes: Math.max(1, Math.ceil((freeAt - now.getTime()) / 60_000)) };
    }
    const row = await tx.signInEmail.create({ data: { email, sentAt: now }, select: { id: true } });
    return { allowed: true, reservationId: row.id };
  });
}

/** Gives a slot back when the email was not sent after all (bad CSRF token, mail server down). */
export async function releaseSignInEmail(db: Db, reservationId: bigint): Promise<void> {
  await db.signInEmail.deleteMany({ where: { id: reservationId } });
}
