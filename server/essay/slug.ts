/** An essay slug: lower-case ASCII words joined by single hyphens (it appears in /essays/<slug>). */
export const slugPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const slugMaxLength = 200;

export function isSlug(value: string): boolean {
  return value.length <= slugMaxLength && slugPattern.test(value);
}
