/**
 * `npm run role -- <email> <USER|MODERATOR|ADMIN>`: gives a signed-up reader a role, in the
 * database named by the environment (DATABASE_URL, else the embedded one in DATA_DIR).
 * With the embedded database, stop the server first: only one process may open it.
 */
import { DataDirLockedError } from "@/server/db/data-dir-lock.ts";
import { roles, RoleChangeError, setRole } from "@/server/db/roles.ts";
import { withScriptDatabase } from "@/server/db/script-database.ts";
import { announceSessionsChanged } from "@/server/auth/session-changes.ts";
import { createLiveBus } from "@/server/live/process-bus.ts";

async function main(): Promise<void> {
  const [email, role, ...rest] = process.argv.slice(2);
  if (!email || !role || rest.length > 0) {
    console.error(`Usage: npm run role -- <email> <${roles.join("|")}>`);
    process.exitCode = 1;
    return;
  }
  const change = await withScriptDatabase(async ({ db, target }) => {
    const change = await setRole(db, email, role);
    // App servers running on the same PostgreSQL drop the reader's kept sessions at once. (An
    // embedded database cannot be open in a running server while this script holds it.)
    if (target.kind === "postgres" && change.previous !== change.role) {
      const bus = createLiveBus();
      await announceSessionsChanged(db, bus, change.userId).finally(() => bus.close());
    }
    return change;
  });
  const who = change.name ? `${change.name} <${change.email}>` : change.email;
  console.log(
    change.previous === change.role
      ? `role: ${who} is already ${change.role}; nothing changed.`
      : `role: ${who} is now ${change.role} (was ${change.previous}). It applies from their next request, on every app server.`,
  );
}

main().catch((error: unknown) => {
  if (error instanceof RoleChangeError || error instanceof DataDirLockedError) {
    console.error(`role: ${error.message}`);
  } else {
    console.error("role failed:", error);
  }
  process.exitCode = 1;
});
