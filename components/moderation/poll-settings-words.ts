/** The results visibility modes in the order the forms offer them. */
export const visibilities = ["ALWAYS", "AFTER_VOTING", "AFTER_CLOSING", "MODERATORS"] as const;
export type Visibility = (typeof visibilities)[number];
