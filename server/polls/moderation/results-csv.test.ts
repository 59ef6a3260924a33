/**
 * GET /api/polls/<pollId>/results.csv, through its response function on a real database: the
 * bytes of the export (BOM, header line, quoting, neutralized formulas, Chinese), the refusals in
 * the reader's language, and that no ballot, voter or time of voting is in it.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "@/server/auth/session-user.ts";
import type { Db } from "@/server/db/client.ts";
import { createTestCaller, createTestUser } from "@/server/test/caller.ts";
import { createTestDatabase } from "@/server/test/database.ts";
import { createTestEssay } from "@/server/polls/testing/poll-fixture.ts";
import { setModerationAuditSink } from "./audit.ts";
import { resultsCsvResponse } from "./results-csv-response.ts";

let db: Db;
let close: () => Promise<void>;
let moderator: SessionUser;
let reader: SessionUser;
let pollId: string;
const voters: SessionUser[] = [];
const now = new Date("2026-11-25T08:30:00.000Z");
const request = { ip: "203.0.113.9", userAgent: "csv-test" };

beforeAll(async () => {
  ({ db, close } = await createTestDatabase());
  moderator = await createTestUser(db, { role: "MODERATOR" });
  reader = await createTestUser(db);
  const essayId = await createTestEssay(db);
  const poll = await db.poll.create({
    data: {
      essayId,
      key: "left-web3",
      questionZh: "你已经退圈了吗？",
      questionEn: 'Have you "left", Web3?',
      kind: "MULTIPLE",
      maxChoices: 2,
      opensAt: new Date(Date.now() - 60_000),
      placements: [],
      options: {
        create: [
          { key: "left", labelZh: "已经完全退圈", labelEn: "Left completely", position: 0 },
          { key: "formula", labelZh: "=1+1", labelEn: "@SUM(A1)", position: 1 },
          { key: "comma", labelZh: "淡圈了，只把币圈当理财", labelEn: "Faded out, mostly", position: 2 },
        ],
      },
    },
    select: { id: true, options: { select: { id: true }, orderBy: { position: "asc" } } },
  });
  pollId = poll.id;
  const [left, formula, comma] = poll.options.map((o) => o.id);
  for (const choice of [[left!], [left!, formula!], [comma!]]) {
    const voter = await createTestUser(db, { name: `Voter ${voters.length}`, email: `voter${voters.length}.csv@example.test` });
    voters.push(voter);
    await createTestCaller({ db, user: voter }).polls.vote({ pollId, optionIds: choice });
  }
});
afterAll(async () => {
  await close();
});

async function download(user: SessionUser | null, locale: "zh" | "en" = "zh", id = pollId) {
  const response = await resultsCsvResponse({ db, user, locale, pollId: id, request, now });
  return { response, bytes: Buffer.from(await response.arrayBuffer()) };
}

describe("the results CSV", () => {
  it("is UTF-8 with a BOM, a header line about the poll, one quoted and neutralized line per option", async () => {
    const audit: string[] = [];
    const restore = setModerationAuditSink((line) => audit.push(line));
    const { response, bytes } = await download(moderator).finally(() => setModerationAuditSink(restore));

    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("cache-control")).toBe("private, no-store");
    expect(response.headers.get("content-disposition")).toBe(
      `attachment; filename="poll-left-web3-2026-11-25.csv"; filename*=UTF-8''${encodeURIComponent("你已经退圈了吗？")}-2026-11-25.csv`,
    );
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.toString("utf8")).toBe(
      [
        '\uFEFFpoll,left-web3,question_zh,你已经退圈了吗？,question_en,"Have you ""left"", Web3?",voters,3,exported_at,2026-11-25T08:30:00.000Z',
        "",
        "option_key,label_zh,label_en,votes,share_of_voters",
        "left,已经完全退圈,Left completely,2,0.6667",
        "formula,'=1+1,'@SUM(A1),1,0.3333",
        'comma,淡圈了，只把币圈当理财,"Faded out, mostly",1,0.3333',
        "",
      ].join("\r\n"),
    );
    expect(audit).toHaveLength(1);
    expect(audit[0]).toContain('"action":"poll.exportCsv"');
    expect(audit[0]).toContain(moderator.id);
  });

  it("holds counts only: no voter's id, name or email, no ballot id", async () => {
    const text = (await download(moderator)).bytes.toString("utf8");
    const ballots = await db.ballot.findMany({ where: { pollId }, select: { id: true } });
    for (const secret of [...voters.flatMap((v) => [v.id, v.name!, v.email!]), ...ballots.map((b) => b.id)]) expect(text).not.toContain(secret);
  });

  it.each([
    ["signed out", null, 401, "请先以管理员身份登录，再下载结果。", "Sign in as a moderator to download the results."],
    ["a reader", "reader", 403, "只有管理员可以下载投票结果。", "Only moderators can download poll results."],
  ] as const)("refuses %s with %i and a message in their language", async (_who, who, status, zh, en) => {
    const user = who === "reader" ? reader : null;
    for (const [locale, message] of [["zh", zh], ["en", en]] as const) {
      const { response, bytes } = await download(user, locale);
      expect(response.status).toBe(status);
      expect(response.headers.get("content-type")).toBe("text/plain; charset=utf-8");
      expect(bytes.toString("utf8")).toBe(`${message}\n`);
    }
  });

  it("answers 404 for an unknown poll", async () => {
    const { response, bytes } = await download(moderator, "en", "no-such-poll");
    expect(response.status).toBe(404);
    expect(bytes.toString("utf8")).toBe("That poll could not be found.\n");
  });
});
