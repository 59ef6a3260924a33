/**
 * `npm run db:migrate`: applies pending migrations from prisma/migrations to the database named by
 * the environment (DATABASE_URL, else the embedded database in DATA_DIR). `npm start` does the same
 * on every start; this is for deploys that migrate as a separate step. See docs/migrations.md.
 */
import { DataDirLockedError } from "@/server/db/data-dir-lock.ts";
import { MigrationError, runMigrations } from "@/server/db/migrate.ts";
import { withScriptDatabase } from "@/server/db/script-database.ts";

async function main(): Promise<void> {
  const result = await withScriptDatabase((opened) => runMigrations(opened, { log: (line) => console.log(`migrate: ${line}`) }));
  const total = result.applied.length + result.alreadyApplied.length;
  console.log(
    result.applied.length === 0
      ? `migrate: the database is up to date (${total} migration${total === 1 ? "" : "s"} applied).`
      : `migrate: applied ${result.applied.length} migration${result.applied.length === 1 ? "" : "s"}; ${total} in all.`,
  );
}

main().catch((error: unknown) => {
  if (error instanceof MigrationError || error instanceof DataDirLockedError) {
    console.error(`migrate: ${error.message}`);
  } else {
    console.error("migrate failed:", error);
  }
  process.exitCode = 1;
});
