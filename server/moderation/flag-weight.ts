/**
 * How much one reader's report weighs toward hiding a comment (docs/moderation.md, "Flag
 * weights"), as Discourse weighs flags by the flagger's record:
 *
 *   accuracy = (upheld + 1) / (upheld + dismissed + 2)      Laplace's rule: 1/2 with no record
 *   weight   = clamp(2 × accuracy, 0.2, 2) × (new account ? 0.5 : 1)
 *
 * An established reader with no decided reports weighs 1, so the default threshold of 3 is "three
 * ordinary reports". Every upheld report raises the next ones toward 2; every dismissed one lowers
 * them toward 0.2 (never 0: a reader who was often wrong can still be right). An account younger
 * than the site's newAccountDays weighs half, so a ring of fresh accounts needs twice as many.
 */
export const flagWeightBounds = { min: 0.2, max: 2 } as const;
export const newAccountFactor = 0.5;

export interface ReporterRecord {
  upheld: number;
  dismissed: number;
  isNewAccount: boolean;
}

export function reportWeight({ upheld, dismissed, isNewAccount }: ReporterRecord): number {
  const accuracy = (upheld + 1) / (upheld + dismissed + 2);
  const weight = Math.min(flagWeightBounds.max, Math.max(flagWeightBounds.min, 2 * accuracy));
  // Rounded to thousandths so sums of weights compare with the threshold without float noise.
  return Math.round(weight * (isNewAccount ? newAccountFactor : 1) * 1000) / 1000;
}
