/**
 * next-auth's Prisma adapter on the app's database, which opens asynchronously (getDb()):
 * every adapter call first awaits the database, so authOptions can be built without it (and
 * `next build` never opens it).
 *
 * One change to the stock adapter: a name supplied by an OAuth profile is kept only when it is
 * a valid display name (server/api/routers/me/schemas.ts); otherwise the reader sets one later.
 */
import { PrismaAdapter } from "@next-auth/prisma-adapter";
import type { Adapter, AdapterUser } from "next-auth/adapters";
import type { Db } from "@/server/db/client.ts";
import { forgetSessionsOfUser, forgetSessionToken } from "./session-cache.ts";
import { displayNameSchema } from "@/server/api/routers/me/schemas.ts";

type PrismaAdapterClient = Parameters<typeof PrismaAdapter>[0];
type AdapterMethods = Required<Adapter>;

export function lazyPrismaAdapter(getDb: () => Promise<Db>): Adapter {
  async function stock(): Promise<AdapterMethods> {
    // The generated Prisma 7 client has the models the adapter uses; only its nominal type differs.
    return PrismaAdapter((await getDb()) as unknown as PrismaAdapterClient) as AdapterMethods;
  }
  function forward<K extends keyof AdapterMethods>(name: K): AdapterMethods[K] {
    return (async (...args: unknown[]) => {
      const method = (await stock())[name] as (...a: unknown[]) => unknown;
      return method(...args);
    }) as AdapterMethods[K];
  }

  return {
    async createUser(user: Omit<AdapterUser, "id">) {
      const name = user.name == null ? null : displayNameSchema.safeParse(user.name).data ?? null;
      return (await stock()).createUser({ ...user, name } as Omit<AdapterUser, "id">) as Promise<AdapterUser>;
    },
    getUser: forward("getUser"),
    getUserByEmail: forward("getUserByEmail"),
    getUserByAccount: forward("getUserByAccount"),
    async updateUser(user) {
      const updated = await (await stock()).updateUser(user);
      forgetSessionsOfUser(await getDb(), user.id);
      return updated;
    },
    deleteUser: (async (userId: string) => {
      const deleted = await (await stock()).deleteUser(userId);
      forgetSessionsOfUser(await getDb(), userId);
      return deleted;
    }) as AdapterMethods["deleteUser"],
    linkAccount: forward("linkAccount"),
    unlinkAccount: forward("unlinkAccount"),
    getSessionAndUser: forward("getSessionAndUser"),
    createSession: forward("createSession"),
    updateSession: forward("updateSession"),
    // Sign-out: the cached copy goes too, so the very next request is signed out (session-cache.ts).
    deleteSession: (async (sessionToken: string) => {
      const deleted = await (await stock()).deleteSession(sessionToken);
      forgetSessionToken(await getDb(), sessionToken);
      return deleted;
    }) as AdapterMethods["deleteSession"],
    createVerificationToken: forward("createVerificationToken"),
    // Single use: the stock adapter deletes the token as it reads it (DELETE … RETURNING), so a
    // second use finds nothing and next-auth answers error=Verification.
    useVerificationToken: forward("useVerificationToken"),
  };
}
