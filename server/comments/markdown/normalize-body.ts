/**
 * A comment body as stored: NFC, control and zero-width characters removed, trimmed.
 * PLACEHOLDER until the Markdown subset lands.
 */
export const commentBodyLimits = { min: 1, max: 10_000 } as const;

export function normalizeCommentBody(raw: string): string {
  return raw.normalize("NFC").trim();
}
