/**
 * Which comments above a permalink's comment show: all of a short chain; of a long one the root
 * (where the discussion started) and the parent (what is answered), the rest folded behind
 * "N earlier comments".
 */

/** Chains up to this long show whole. */
export const unfoldedAncestors = 3;

export function foldedAncestors<T>(ancestors: readonly T[], unfolded: boolean): { shown: T[]; folded: number } {
  if (unfolded || ancestors.length <= unfoldedAncestors) return { shown: [...ancestors], folded: 0 };
  return { shown: [ancestors[0]!, ancestors.at(-1)!], folded: ancestors.length - 2 };
}
