/**
 * `npm run db:seed`: seeds the essays in content/ into the database named by the environment
 * (DATABASE_URL, else the embedded database in DATA_DIR). Idempotent; `npm start` runs the same seed.
 */
import path from "node:path";
import { acquireDataDirLock, DataDirLockedError } from "@/server/db/data-dir-lock.ts";
import { closeDatabase, databaseTargetFromEnv, getOpenedDatabase } from "@/server/db/index.ts";
import { ContentError } from "@/server/essay/content-error.ts";
import { seedContent, type SeededEssay } from "@/server/essay/seed.ts";
import { seedPolls } from "@/server/polls/seed.ts";

function describe(essay: SeededEssay): string {
  const head = `${essay.slug} (${path.relative(process.cwd(), essay.file)}): ${essay.action}, ${essay.paragraphs} paragraphs`;
  if (!essay.keys) return head;
  const { unchanged, edited, added, removed } = essay.keys;
  return `${head}; keys: ${unchanged} unchanged, ${edited} kept through an edit, ${added} new, ${removed} retired`;
}

async function main(): Promise<void> {
  // The embedded database belongs to one process at a time (server/db/data-dir-lock.ts).
  const target = databaseTargetFromEnv();
  const lock = target.kind === "pglite" ? acquireDataDirLock(path.resolve(process.env.DATA_DIR || "./.data")) : null;
  try {
    const { db } = await getOpenedDatabase();
    const summary = await seedContent(db);
    for (const essay of summary.essays) console.log(`seed: ${describe(essay)}`);
    for (const poll of await seedPolls(db)) console.log(`seed: poll ${poll.key}: ${poll.action}`);
  } finally {
    await closeDatabase();
    lock?.release();
  }
}

main().catch((error: unknown) => {
  if (error instanceof ContentError || error instanceof DataDirLockedError) {
    console.error(`seed: ${error.message}`);
  } else if ((error as { code?: unknown })?.code === "P2021") {
    console.error("seed: the Essay table does not exist yet; run `npm run db:migrate` first");
  } else {
    console.error("seed failed:", error);
  }
  process.exitCode = 1;
});
