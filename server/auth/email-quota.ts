/**
 * How many sign-in emails may go out, counted in the SignInEmail table so the limits hold across
 * restarts and app servers (docs/rate-limits.md):
 * - per mailbox: 5 per 10 minutes to one inbox, however its address is spelled
 *   (canonical-mailbox.ts), so nobody can use the site to flood an inbox;
 * - per client address: `perClientPerHour` requests that sent an email, so one machine cannot walk
 *   through a list of addresses (server/http/client-address.ts says whose address it is);
 * - per site: `perHour` in total, so that a flood spread over many addresses and clients cannot get
 *   the sender's domain marked as a spammer.
 *
 * A send is reserved before the email goes out (and released when it fails) inside a transaction
 * holding an advisory lock per limit, taken in that order (mailbox, client, site) so no two
 * transactions can wait on each other. A request refused by the mailbox or client limit never
 * waits for the site-wide lock. Each lock is two-keyed (limit, value): different limits never share one.
 */
import type { Db } from "@/server/db/client.ts";
import { canonicalMailbox } from "./canonical-mailbox.ts";

const minuteMs = 60_000;
const hourMs = 60 * minuteMs;

export const mailboxLimit = { max: 5, windowMs: 10 * minuteMs } as const;

/** The configurable limits (SIGN_IN_EMAILS_PER_CLIENT_PER_HOUR, SIGN_IN_EMAILS_PER_HOUR). */
export interface SignInEmailLimits {
  perClientPerHour: number;
  perHour: number;
}

/**
 * The per-client and per-site limits of a site; null (the mailbox quota only) for a local site. A
 * local site listens on loopback only (server/http/listen.ts): every client is this machine, there
 * is nobody to tell apart and no sender's reputation but the developer's own at stake, and test
 * suites sign in hundreds of readers from it in an hour.
 */
export function signInEmailLimitsFor(config: { isLocalSite: boolean; signInEmails: SignInEmailLimits }): SignInEmailLimits | null {
  return config.isLocalSite ? null : config.signInEmails;
}

/** The longest window: rows older than this count for nothing and are pruned. */
const longestWindowMs = hourMs;
/** At most this many old rows (and expired tokens) are deleted per send: bounded work each time. */
export const pruneBatch = 500;

export type QuotaLimit = "mailbox" | "client" | "site";

export type QuotaDecision =
  | { allowed: true; reservationId: bigint }
  | { allowed: false; limit: QuotaLimit; retryAfterMinutes: number };

export interface SignInEmailRequest {
  email: string;
  /** The client address (a rate-limit key, clientRateLimitKey); "" when unknown. */
  client: string;
}

type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];
type Where = { email?: string; client?: string };

async function lock(tx: Tx, limit: QuotaLimit, value: string): Promise<void> {
  await tx.$queryRaw`SELECT 1 AS locked FROM (SELECT pg_advisory_xact_lock(hashtext(${`SignInEmail.${limit}`}), hashtext(${value}))) AS lock`;
}

/** Minutes until one more send fits under `max` in `windowMs`, or null when it fits now. */
async function waitMinutes(tx: Tx, where: Where, max: number, windowMs: number, now: Date): Promise<number | null> {
  const inWindow = { ...where, sentAt: { gt: new Date(now.getTime() - windowMs) } };
  const count = await tx.signInEmail.count({ where: inWindow });
  if (count < max) return null;
  // A slot frees when the send `count - max` places from the oldest leaves the window (more than
  // `max` sends can be in it when the limit was lowered).
  const freeing = await tx.signInEmail.findFirst({
    where: inWindow,
    orderBy: { sentAt: "asc" },
    skip: count - max,
    select: { sentAt: true },
  });
  const freeAt = (freeing?.sentAt.getTime() ?? now.getTime()) + windowMs;
  return Math.max(1, Math.ceil((freeAt - now.getTime()) / minuteMs));
}

/** `limits` null: the mailbox quota only (signInEmailLimitsFor). */
export async function reserveSignInEmail(
  db: Db,
  request: SignInEmailRequest,
  limits: SignInEmailLimits | null,
  now: Date = new Date(),
): Promise<QuotaDecision> {
  const email = canonicalMailbox(request.email);
  const { client } = request;
  const decision = await db.$transaction(async (tx): Promise<QuotaDecision> => {
    await lock(tx, "mailbox", email);
    const mailboxWait = await waitMinutes(tx, { email }, mailboxLimit.max, mailboxLimit.windowMs, now);
    if (mailboxWait !== null) return { allowed: false, limit: "mailbox", retryAfterMinutes: mailboxWait };
    if (limits) {
      await lock(tx, "client", client);
      const clientWait = await waitMinutes(tx, { client }, limits.perClientPerHour, hourMs, now);
      if (clientWait !== null) return { allowed: false, limit: "client", retryAfterMinutes: clientWait };
      await lock(tx, "site", "");
      const siteWait = await waitMinutes(tx, {}, limits.perHour, hourMs, now);
      if (siteWait !== null) return { allowed: false, limit: "site", retryAfterMinutes: siteWait };
    }
    const row = await tx.signInEmail.create({ data: { email, client, sentAt: now }, select: { id: true } });
    return { allowed: true, reservationId: row.id };
  });
  if (decision.allowed) {
    await pruneSignInRecords(db, now).catch((error: unknown) => console.error("[auth] pruning sign-in records failed:", error));
  }
  return decision;
}

/** Gives a slot back when the email was not sent after all (bad CSRF token, mail server down). */
export async function releaseSignInEmail(db: Db, reservationId: bigint): Promise<void> {
  await db.signInEmail.deleteMany({ where: { id: reservationId } });
}

/**
 * Opportunistic clean-up on each send, so the tables stay as small as the traffic of the last hour:
 * quota rows older than the longest window, and verification tokens past their expiry (a link
 * nobody clicked; next-auth deletes only the ones that are used). Each send adds at most one row
 * to each and removes up to `pruneBatch`, so neither can grow without bound.
 */
export async function pruneSignInRecords(db: Db, now: Date = new Date()): Promise<void> {
  const cutoff = new Date(now.getTime() - longestWindowMs);
  await db.$executeRaw`
    DELETE FROM "SignInEmail" WHERE id IN (
      SELECT id FROM "SignInEmail" WHERE "sentAt" <= ${cutoff} LIMIT ${pruneBatch})`;
  await db.$executeRaw`
    DELETE FROM "VerificationToken" WHERE ctid IN (
      SELECT ctid FROM "VerificationToken" WHERE expires <= ${now} LIMIT ${pruneBatch})`;
}
