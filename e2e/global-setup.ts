/**
 * Everything the end-to-end tests run against: a real SMTP server, a fresh data folder (and a
 * fresh PostgreSQL database when TEST_DATABASE_URL is set), and the app built for production and
 * started by its own start script. The returned function stops all of it after the run.
 */
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { FullConfig } from "@playwright/test";
import { startAppServer } from "./fixtures/app-server.ts";
import { findChromium, missingChromiumMessage } from "./fixtures/chromium.ts";
import { createE2eDatabase, type E2eDatabase } from "./fixtures/database.ts";
import { startSecondAppServer } from "./fixtures/second-app-server.ts";
import { prepareE2eData } from "./fixtures/prepare-data.ts";
import { e2ePorts, rootDir, e2eDistDir } from "./fixtures/settings.ts";
import { startMailServer } from "./fixtures/smtp.ts";

export default async function globalSetup(config: FullConfig): Promise<() => Promise<void>> {
  if (!findChromium()) throw new Error(missingChromiumMessage());

  const cleanups: Array<() => Promise<void>> = [];
  const teardown = async () => {
    for (const cleanup of cleanups.reverse()) await cleanup().catch((error) => console.error(error));
  };

  try {
    const mail = await startMailServer({ smtpPort: e2ePorts.smtp, mailboxPort: e2ePorts.mailbox });
    cleanups.push(() => mail.close());

    const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), "tuiquan-e2e-"));
    cleanups.push(() => fs.rm(dataDir, { recursive: true, force: true }));

    let database: E2eDatabase | null = null;
    if (process.env.TEST_DATABASE_URL) {
      database = await createE2eDatabase(process.env.TEST_DATABASE_URL);
      cleanups.push(() => database!.drop());
    }

    // Before the app holds the database (fixtures/prepare-data.ts says why).
    await prepareE2eData({ ...process.env, DATA_DIR: dataDir, DATABASE_URL: database?.url });

    const logFile = path.join(config.projects[0]?.outputDir ?? path.join(rootDir, "test-results"), "app-server.log");
    const started = Date.now();
    console.log(
      `[e2e] starting the app on port ${e2ePorts.app} (${database ? "PostgreSQL" : "PGlite"}; build into ${e2eDistDir} when stale); log: ${path.relative(rootDir, logFile)}`,
    );
    const app = await startAppServer({
      rootDir,
      port: e2ePorts.app,
      logFile,
      readyTimeoutMs: 15 * 60_000,
      env: {
        DATA_DIR: dataDir,
        SITE_URL: `http://localhost:${e2ePorts.app}`,
        EMAIL_SERVER: mail.smtpUrl,
        EMAIL_FROM: "退圈 Tuiquan <no-reply@tuiquan.test>",
        NEXT_DIST_DIR: e2eDistDir,
        // Signs in as an admin (e2e/poll-moderation.spec.ts), the way a site's first moderator does.
        // One admin address per spec that signs in as an admin: the mailbox quota (5 sign-in mails in 10 minutes) counts each.
        ADMIN_EMAILS: "poll-moderator@example.com,console-admin@example.com,report-admin@example.com,words-admin@example.com",
        ...(database ? { DATABASE_URL: database.url } : {}),
      },
    });
    cleanups.push(() => app.stop());
    console.log(`[e2e] the app answers at ${app.url} after ${((Date.now() - started) / 1000).toFixed(1)} s`);

    if (database) {
      // A second app server on the same database (fixtures/second-app-server.ts; e2e/live.spec.ts).
      // Same data folder, so the same generated auth secret: with PostgreSQL it holds no database.
      const second = await startSecondAppServer({
        logFile: logFile.replace(/\.log$/, "-2.log"),
        env: {
          DATA_DIR: dataDir,
          EMAIL_SERVER: mail.smtpUrl,
          EMAIL_FROM: "退圈 Tuiquan <no-reply@tuiquan.test>",
          DATABASE_URL: database.url,
        },
      });
      cleanups.push(() => second.stop());
      console.log(`[e2e] a second app server on the same database answers at ${second.url}`);
      process.env.E2E_SECOND_APP_URL = second.url;
    }

    // Read by the test workers (they start after global setup and inherit this environment).
    process.env.E2E_MAILBOX_URL = mail.mailboxUrl;
  } catch (error) {
    await teardown();
    throw error;
  }
  return teardown;
}
