/**
 * Poll wording is hostile input like comments: the XSS corpus (e2e/fixtures/xss-payloads.ts) as
 * questions and option labels. Each payload is either stored and read back byte for byte as the
 * wording rule leaves it (invisible and bidi-override characters removed, as from comment bodies;
 * pages render it as text: React escapes, nothing uses dangerouslySetInnerHTML) or, when it breaks
 * a wording rule (blank, control characters, over 300 characters), refused with a field message —
 * never a server error.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { xssPayloads } from "@/e2e/fixtures/xss-payloads.ts";
import type { SessionUser } from "@/server/auth/session-user.ts";
import type { Db } from "@/server/db/client.ts";
import { seedContent } from "@/server/essay/seed.ts";
import { setModerationAuditSink } from "@/server/polls/moderation/audit.ts";
import { createTestCaller, createTestUser } from "@/server/test/caller.ts";
import { createTestDatabase } from "@/server/test/database.ts";
import { refusal } from "@/server/test/refusal.ts";
import { normalizePollWording } from "@/server/polls/moderation/wording.ts";
import { labelIdentity, labelSchema } from "./schemas.ts";

let db: Db;
let close: () => Promise<void>;
let moderator: SessionUser;
let restoreSink: (line: string) => void;

beforeAll(async () => {
  ({ db, close } = await createTestDatabase());
  await seedContent(db);
  moderator = await createTestUser(db, { role: "MODERATOR" });
  restoreSink = setModerationAuditSink(() => {});
});
afterAll(async () => {
  setModerationAuditSink(restoreSink);
  await close();
});

const storable = xssPayloads.filter((payload) => labelSchema.safeParse({ zh: payload, en: payload }).success);
const refused = xssPayloads.filter((payload) => !storable.includes(payload));

/** Up to 12 payloads whose labels are distinct (labels equal but for case would be refused as duplicates). */
function chunks(payloads: readonly string[]): string[][] {
  const result: string[][] = [];
  let current: string[] = [];
  let seen = new Set<string>();
  const pending = [...payloads];
  while (pending.length > 0) {
    const next = pending.shift()!;
    if (seen.has(labelIdentity(normalizePollWording(next)))) {
      result.push(current);
      current = [];
      seen = new Set();
    }
    current.push(next);
    seen.add(labelIdentity(normalizePollWording(next)));
    if (current.length === 12) {
      result.push(current);
      current = [];
      seen = new Set();
    }
  }
  if (current.length > 0) result.push(current);
  return result.filter((chunk) => chunk.length >= 2);
}

describe("hostile wording", () => {
  it("uses the shared corpus", () => {
    expect(storable.length).toBeGreaterThan(500);
  });

  it("stores every storable payload as question and label and reads it back byte for byte", async () => {
    const caller = createTestCaller({ db, user: moderator }).polls.moderation;
    const reader = createTestCaller({ db, user: null }).polls;
    let stored = 0;
    for (const chunk of chunks(storable)) {
      const poll = await caller.create({
        question: { zh: chunk[0]!, en: chunk[chunk.length - 1]! },
        kind: "SINGLE",
        maxChoices: 1,
        options: chunk.map((payload, i) => ({ label: { zh: payload, en: `${i} ${payload}`.slice(0, 300) } })),
        resultsVisibility: "ALWAYS",
        allowChange: true,
        placements: [],
      });
      const seen = await reader.get({ pollId: poll.id });
      const expected = chunk.map(normalizePollWording);
      expect(seen.question).toEqual({ zh: expected[0], en: expected[expected.length - 1] });
      expect(seen.options.map((o) => o.label.zh)).toEqual(expected);
      expect(Buffer.from(seen.options.map((o) => o.label.zh).join("\u0001"), "utf8").equals(Buffer.from(expected.join("\u0001"), "utf8"))).toBe(true);
      stored += chunk.length;
    }
    // Chunks of one are left out only where a duplicate label ends a chunk early.
    expect(stored).toBeGreaterThan(storable.length * 0.95);
  }, 180_000);

  it("refuses the rest with a field message, storing nothing", async () => {
    expect(refused.length).toBeGreaterThan(0);
    const caller = createTestCaller({ db, user: moderator }).polls.moderation;
    const before = await db.poll.count();
    for (const payload of refused) {
      const result = await refusal(() =>
        caller.create({
          question: { zh: payload, en: "Question" },
          kind: "SINGLE",
          maxChoices: 1,
          options: [{ label: { zh: "甲", en: "A" } }, { label: { zh: "乙", en: "B" } }],
          resultsVisibility: "ALWAYS",
          allowChange: true,
          placements: [],
        }),
      );
      expect(result.code).toBe("BAD_REQUEST");
      expect(result.data.fieldErrors?.["question.zh"]).toMatch(/^(请填写问题|文字不能包含控制字符|文字太长)/);
    }
    expect(await db.poll.count()).toBe(before);
  }, 120_000);
});

const base = { kind: "SINGLE" as const, maxChoices: 1, resultsVisibility: "ALWAYS" as const, allowChange: true, placements: [] };

// Removed as from comment bodies (server/polls/moderation/wording.ts): a bidi override cannot make a
// question read differently from what is stored, a zero-width space cannot make look-alike options
// distinct, and a label of invisible characters is blank.
describe("invisible characters in poll wording", () => {
  it("removes bidi overrides, isolates, zero-width characters and C1 controls from question and labels, keeping emoji whole", async () => {
    const caller = createTestCaller({ db, user: moderator }).polls.moderation;
    const poll = await caller.create({
      question: { zh: "你\u202E退圈了吗\u202C？", en: "Have you \u2067left\u2069 Web3?\u200B" },
      ...base,
      options: [
        { label: { zh: "已经\u200B退圈", en: "Left\u0085 completely \u{1F469}\u200D\u{1F4BB}" } },
        { label: { zh: "还在\uFEFF圈内", en: "Still \u200Ein" } },
      ],
    });
    const seen = await createTestCaller({ db, user: null }).polls.get({ pollId: poll.id });
    expect(seen.question).toEqual({ zh: "你退圈了吗？", en: "Have you left Web3?" });
    expect(seen.options.map((o) => o.label)).toEqual([
      { zh: "已经退圈", en: "Left completely \u{1F469}\u200D\u{1F4BB}" },
      { zh: "还在圈内", en: "Still in" },
    ]);

    const updated = await caller.updateWording({
      pollId: poll.id,
      question: { zh: "\u202D你退圈了吗？", en: "Have you left Web3?" },
      options: seen.options.map((o, i) => ({ id: o.id, label: { zh: `${o.label.zh}\u2066${i}\u2069`, en: o.label.en } })),
    });
    expect(updated.question.zh).toBe("你退圈了吗？");
    expect((await createTestCaller({ db, user: null }).polls.get({ pollId: poll.id })).options.map((o) => o.label.zh)).toEqual(["已经退圈0", "还在圈内1"]);
  });

  it("refuses labels that differ only by invisible characters, and labels made only of them", async () => {
    const caller = createTestCaller({ db, user: moderator }).polls.moderation;
    const before = await db.poll.count();
    const duplicate = await refusal(
      () => caller.create({ question: { zh: "问", en: "Q" }, ...base, options: [{ label: { zh: "是", en: "Yes" } }, { label: { zh: "是\u200B", en: "Ye\u200Bs" } }] }),
      "en",
    );
    expect(duplicate.code).toBe("BAD_REQUEST");
    expect(duplicate.data.fieldErrors?.["options.1.label.en"]).toBeDefined();

    const blank = await refusal(() => caller.create({ question: { zh: "\u200B\u202E", en: "Q" }, ...base, options: [{ label: { zh: "甲", en: "A" } }, { label: { zh: "乙", en: "B" } }] }));
    expect(blank.code).toBe("BAD_REQUEST");
    expect(blank.data.fieldErrors?.["question.zh"]).toMatch(/^请填写问题/);
    expect(await db.poll.count()).toBe(before);
  });
});
