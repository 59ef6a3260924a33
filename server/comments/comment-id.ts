/**
 * Ids for new comments, made before the insert so a top-level comment can name itself as its
 * thread's root (rootId = id) in the same statement. Shaped like the cuids Prisma gives other
 * rows ("c" + 24 base-36 characters), from 124 random bits: unguessable and collision-free.
 */
import { randomBytes } from "node:crypto";

export function newCommentId(): string {
  const random = BigInt(`0x${randomBytes(16).toString("hex")}`) >> 4n;
  return `c${random.toString(36).padStart(24, "0").slice(-24)}`;
}
