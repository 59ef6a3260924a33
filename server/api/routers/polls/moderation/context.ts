/** What a moderation handler needs from the procedure: the database, the moderator and where the request came from (for the audit line). */
import type { SessionUser } from "@/server/auth/session-user.ts";
import type { Db } from "@/server/db/client.ts";
import type { RequestMeta } from "@/server/api/trpc.ts";

export interface ModerationContext {
  db: Db;
  user: SessionUser;
  request: RequestMeta;
}

export interface ModerationOptions {
  /** The moment of the request; tests pin it. */
  now?: Date;
}
