/**
 * The schema match test: the migrations, applied in order, must build exactly the database that
 * prisma/schema.prisma describes. When it fails, run `npm run db:new-migration -- <name>`.
 *
 * Always on PGlite, even when TEST_DATABASE_URL is set: Prisma's wasm engine cannot introspect
 * PostgreSQL 15 through the pg adapter (docs/migrations.md), and the SQL is the same.
 */
import type { PGlite } from "@electric-sql/pglite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestPglite } from "@/server/test/database.ts";
import { diffDatabaseToSchema, readSchema } from "./schema-engine.ts";

let pglite: PGlite;

beforeAll(async () => {
  // Migrated by runMigrations from prisma/migrations (server/test/database.ts).
  pglite = await createTestPglite({ migrated: true });
});

afterAll(async () => {
  await pglite.close();
});

describe("prisma/migrations", () => {
  it("build exactly the database prisma/schema.prisma describes", async () => {
    const drift = await diffDatabaseToSchema(pglite, readSchema());
    expect(drift, "schema.prisma and the migrations differ: run npm run db:new-migration -- <name>").toBe("");
  });

  it("would be caught lagging behind a schema with a field they do not create", async () => {
    const schemaWithBio = readSchema().replace(/model User \{\n/, 'model User {\n  bio String?\n');
    expect(schemaWithBio).not.toBe(readSchema());

    const drift = await diffDatabaseToSchema(pglite, schemaWithBio);

    expect(drift).toContain(`ALTER TABLE "User" ADD COLUMN     "bio" TEXT`);
  });

  it("would be caught when the database lacks something the schema declares", async () => {
    const scratch = (await pglite.clone()) as PGlite;
    try {
      await scratch.exec(`DROP INDEX "Session_userId_idx"`);
      const drift = await diffDatabaseToSchema(scratch, readSchema());
      expect(drift).toContain(`CREATE INDEX "Session_userId_idx" ON "Session"("userId")`);
    } finally {
      await scratch.close();
    }
  });
});
