// Throwaway: the queue's first page at 100,000 comments and 5,000 open reports (PostgreSQL).
import pg from "pg";
import { openDatabase } from "@/server/db/client.ts";
import { defaultMigrationsDir, runMigrations } from "@/server/db/migrate.ts";
import { moderationCounts, moderationQueue } from "@/server/moderation/queue.ts";

const name = `tuiquan_queue_perf_${Date.now()}`;
const server = "postgres://postgres:postgres@127.0.0.1:5432/postgres";
const admin = new pg.Client({ connectionString: server });
await admin.connect();
await admin.query(`CREATE DATABASE "${name}"`);
const opened = await openDatabase({ kind: "postgres", url: server.replace(/\/postgres$/, `/${name}`) });
const db = opened.db;
try {
  await runMigrations(opened, { migrationsDir: defaultMigrationsDir });
  await db.$executeRawUnsafe(`INSERT INTO "Essay" (id, slug, title, author, publisher, language, "publishedAt", source, blocks, "relatedReadings", "readingMinutes", "contentHash", "updatedAt")
    VALUES ('e1', 'e1', 'E', 'a', 'p', 'zh', now(), '', '[]', '[]', 1, 'x', now())`);
  await db.$executeRawUnsafe(`INSERT INTO "User" (id, name, email, "createdAt", "updatedAt") SELECT 'u' || n, 'U' || n, 'u' || n || '@x', now() - interval '30 days', now() FROM generate_series(1, 5000) n`);
  await db.$executeRawUnsafe(`INSERT INTO "Comment" (id, "essayId", "authorId", "rootId", body, "bodyHtml", status, "createdAt", "updatedAt", "flagScore", "moderatedAt", "moderatedById", "moderationReason")
    SELECT 'c' || n, 'e1', 'u' || (n % 5000 + 1), 'c' || n, '评论 ' || n || repeat(' 文字', 40), '<p>评论 ' || n || '</p>',
      (CASE WHEN n % 100 = 0 THEN 'HELD' WHEN n % 50 = 1 THEN 'REMOVED' ELSE 'VISIBLE' END)::"CommentStatus",
      now() - (n || ' seconds')::interval, now(), 0,
      CASE WHEN n % 50 = 1 OR n % 30 = 0 THEN now() - (n || ' seconds')::interval END,
      CASE WHEN n % 50 = 1 OR n % 30 = 0 THEN 'u1' END,
      CASE WHEN n % 100 = 0 THEN 'premoderation' WHEN n % 50 = 1 THEN 'spam' END
    FROM generate_series(1, 100000) n`);
  // 5,000 open reports on 2,500 visible comments (2 each).
  await db.$executeRawUnsafe(`INSERT INTO "Report" (id, "commentId", "reporterId", reason, weight, status, "createdAt")
    SELECT 'r' || n, 'c' || ((n + 1) / 2 * 37 + 2), 'u' || (n % 2 + 10), 'SPAM', 1, 'OPEN', now() FROM generate_series(1, 5000) n`);
  await db.$executeRawUnsafe(`UPDATE "Comment" c SET "flagScore" = s.w FROM (SELECT "commentId", sum(weight) w FROM "Report" WHERE status = 'OPEN' GROUP BY 1) s WHERE c.id = s."commentId"`);
  await db.$executeRawUnsafe(`INSERT INTO "ModerationLog" (rule, action, "targetType", "targetId", reason, after) SELECT 'premoderation', 'hold', 'comment', 'c' || n, 'premoderation', '{"spans":[],"details":{}}' FROM generate_series(100, 100000, 100) n`);
  await db.$executeRawUnsafe("ANALYZE");
  for (const kind of ["held", "reported", "recent", "approved", "rejected"] as const) {
    for (let i = 0; i < 20; i++) await moderationQueue(db, "u1", { kind, limit: 20 });
    const times: number[] = [];
    for (let i = 0; i < 200; i++) {
      const t = performance.now();
      const page = await moderationQueue(db, "u1", { kind, limit: 20 });
      times.push(performance.now() - t);
      if (page.items.length !== 20) throw new Error(`${kind}: ${page.items.length} items`);
    }
    times.sort((a, b) => a - b);
    console.log(`${kind.padEnd(9)} p50 ${times[100]!.toFixed(1)} ms  p99 ${times[197]!.toFixed(1)} ms`);
  }
  const t = performance.now();
  console.log(await moderationCounts(db), `counts ${(performance.now() - t).toFixed(1)} ms`);
} finally {
  await opened.close();
  await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await admin.end();
}
