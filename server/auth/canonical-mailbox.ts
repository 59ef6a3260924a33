/**
 * The mailbox an address delivers to, for counting sign-in emails (email-quota.ts): many spellings
 * reach one inbox, and a quota per spelling would let anyone flood that inbox by varying it.
 *
 * - Letter case: mail providers deliver case-insensitively (the address is already lower-cased by
 *   email-address.ts; done again here so the function stands alone).
 * - A `+tag` is dropped for every domain: subaddressing (RFC 5233) is offered by Gmail, Outlook,
 *   iCloud, Fastmail, Proton and most self-hosted servers. Counting two real mailboxes that differ
 *   only after a `+` as one can only make the quota stricter, never looser.
 * - Dots in the local part are dropped only where the provider ignores them: Gmail (gmail.com and
 *   its old name googlemail.com, which is the same mailbox). Elsewhere a dot may tell two people apart.
 *
 * Only the quota uses this: the sign-in link still goes to the address as typed.
 */
const dotlessDomains: Readonly<Record<string, string>> = { "gmail.com": "gmail.com", "googlemail.com": "gmail.com" };

export function canonicalMailbox(email: string): string {
  const address = email.trim().toLowerCase();
  const at = address.lastIndexOf("@");
  if (at <= 0) return address;
  let local = address.slice(0, at);
  let domain = address.slice(at + 1);
  const plus = local.indexOf("+");
  if (plus > 0) local = local.slice(0, plus);
  const dotless = dotlessDomains[domain];
  if (dotless) {
    domain = dotless;
    local = local.replaceAll(".", "");
  }
  return `${local}@${domain}`;
}
