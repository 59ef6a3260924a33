/**
 * The poll procedures through a caller on a fresh database: listing, reading, results and their
 * visibility modes, voting rules and their errors (in both languages, with nothing stored),
 * changing, withdrawing, the rate limit on changes, and the breakdown.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "@/server/auth/session-user.ts";
import type { Db } from "@/server/db/client.ts";
import { seedContent } from "@/server/essay/seed.ts";
import { ballotChangeLimit } from "@/server/polls/ballot-change-limit.ts";
import { seedPolls } from "@/server/polls/seed.ts";
import { countsOf, createTestEssay, createTestPoll } from "@/server/polls/testing/poll-fixture.ts";
import type { AppLocale } from "@/server/i18n/locales.ts";
import { createTestCaller, createTestUser } from "@/server/test/caller.ts";
import { createTestDatabase } from "@/server/test/database.ts";
import { refusal as readerRefusal } from "@/server/test/refusal.ts";

let db: Db;
let close: () => Promise<void>;

beforeAll(async () => {
  ({ db, close } = await createTestDatabase());
  await seedContent(db);
  await seedPolls(db);
});
afterAll(async () => {
  await close();
});

const callerFor = (user: SessionUser | null, locale: AppLocale = "zh") => createTestCaller({ db, user, locale });

/** What the reader is told: these tests compare the code and message only. */
async function refusal(run: () => Promise<unknown>, locale: AppLocale = "zh") {
  const { code, message } = await readerRefusal(run, locale);
  return { code, message };
}

describe("polls.listForEssay", () => {
  it("lists the two seeded polls of the default essay, in both languages, in page order", async () => {
    const polls = await callerFor(null).polls.listForEssay();
    expect(polls.map((p) => [p.key, p.question, p.kind, p.maxChoices, p.state, p.placements])).toEqual([
      ["left-web3", { zh: "你已经退圈了吗？", en: "Have you left Web3?" }, "SINGLE", 1, "open", ["after-section-1", "end"]],
      ["generation", { zh: "你是哪一代？", en: "Which generation are you?" }, "SINGLE", 1, "open", ["end"]],
    ]);
    expect(polls[0]!.options.map((o) => o.label)).toEqual([
      { zh: "已经完全退圈", en: "Left completely" },
      { zh: "淡圈了，只把币圈当理财", en: "Faded out: crypto is just an investment now" },
      { zh: "还在圈内全职", en: "Still in, full-time" },
      { zh: "从未入圈", en: "Was never in" },
    ]);
    expect(polls[1]!.options.map((o) => o.label.zh)).toEqual(["05后", "00后", "95后", "90后", "85后及更早"]);
    expect(await callerFor(null).polls.listForEssay({ slug: "first-00s-web3-workers-leaving" })).toEqual(polls);
  });

  it("answers NOT_FOUND for an unknown essay", async () => {
    expect((await refusal(() => callerFor(null).polls.listForEssay({ slug: "no-such-essay" }))).code).toBe("NOT_FOUND");
  });
});

describe("polls.get and polls.results", () => {
  it("shows the reader's own choice, none when signed out, and the counts with shares", async () => {
    const poll = await createTestPoll(db);
    const [a, b, c] = await Promise.all([createTestUser(db), createTestUser(db), createTestUser(db)]);
    await callerFor(a).polls.vote({ pollId: poll.id, optionIds: [poll.options[0]!.id] });
    await callerFor(b).polls.vote({ pollId: poll.id, optionIds: [poll.options[0]!.id] });
    await callerFor(c).polls.vote({ pollId: poll.id, optionIds: [poll.options[2]!.id] });

    expect((await callerFor(null).polls.get({ pollId: poll.id })).myChoice).toBeNull();
    expect((await callerFor(c).polls.get({ pollId: poll.id })).myChoice).toEqual([poll.options[2]!.id]);
    const results = await callerFor(null).polls.results({ pollId: poll.id });
    expect(results).toEqual({
      pollId: poll.id,
      visible: true,
      voterCount: 3,
      options: [
        { id: poll.options[0]!.id, votes: 2, share: 2 / 3 },
        { id: poll.options[1]!.id, votes: 0, share: 0 },
        { id: poll.options[2]!.id, votes: 1, share: 1 / 3 },
        { id: poll.options[3]!.id, votes: 0, share: 0 },
      ],
      myChoice: null,
    });
  });

  it("never says who voted: no procedure output carries another reader's id, name or email", async () => {
    const poll = await createTestPoll(db);
    const voter = await createTestUser(db, { name: "秘密投票人", email: "secret-voter@example.test" });
    await callerFor(voter).polls.vote({ pollId: poll.id, optionIds: [poll.options[1]!.id] });
    const moderator = await createTestUser(db, { role: "MODERATOR" });
    const other = await createTestPoll(db, { essayId: poll.essayId });
    const outputs = JSON.stringify([
      await callerFor(moderator).polls.get({ pollId: poll.id }),
      await callerFor(moderator).polls.results({ pollId: poll.id }),
      await callerFor(moderator).polls.breakdown({ pollId: poll.id, byPollId: other.id }),
      await callerFor(moderator).polls.listForEssay(),
    ]);
    for (const secret of [voter.id, "秘密投票人", "secret-voter@example.test"]) expect(outputs).not.toContain(secret);
  });

  it("answers NOT_FOUND for an unknown poll", async () => {
    expect((await refusal(() => callerFor(null).polls.get({ pollId: "nope" }))).code).toBe("NOT_FOUND");
    expect((await refusal(() => callerFor(null).polls.results({ pollId: "nope" }))).code).toBe("NOT_FOUND");
  });
});

describe("results visibility", () => {
  async function setup(resultsVisibility: "ALWAYS" | "AFTER_VOTING" | "AFTER_CLOSING" | "MODERATORS", closesAt: Date | null = null) {
    const poll = await createTestPoll(db, { resultsVisibility, closesAt });
    const voter = await createTestUser(db);
    if (!closesAt || closesAt > new Date()) await callerFor(voter).polls.vote({ pollId: poll.id, optionIds: [poll.options[0]!.id] });
    const reader = await createTestUser(db);
    const moderator = await createTestUser(db, { role: "MODERATOR" });
    const admin = await createTestUser(db, { role: "ADMIN" });
    const seen = async (user: SessionUser | null) => {
      const results = await callerFor(user).polls.results({ pollId: poll.id });
      const got = await callerFor(user).polls.get({ pollId: poll.id });
      expect(got.canSeeResults).toBe(results.visible);
      return results.visible ? "visible" : results.reason;
    };
    return { poll, voter, reader, moderator, admin, seen };
  }

  it("ALWAYS: everyone, signed out included", async () => {
    const { seen, reader } = await setup("ALWAYS");
    expect([await seen(null), await seen(reader)]).toEqual(["visible", "visible"]);
  });

  it("AFTER_VOTING: voters and moderators; others once they vote", async () => {
    const { seen, voter, reader, moderator, admin, poll } = await setup("AFTER_VOTING");
    expect([await seen(null), await seen(reader), await seen(voter), await seen(moderator), await seen(admin)]).toEqual([
      "afterVoting",
      "afterVoting",
      "visible",
      "visible",
      "visible",
    ]);
    const hidden = await callerFor(reader).polls.results({ pollId: poll.id });
    expect(hidden).toEqual({ pollId: poll.id, visible: false, reason: "afterVoting", myChoice: null });
    const voted = await callerFor(reader).polls.vote({ pollId: poll.id, optionIds: [poll.options[1]!.id] });
    expect(voted.results).toMatchObject({ visible: true, voterCount: 2 });
  });

  it("AFTER_VOTING: everyone once the poll has closed", async () => {
    const { seen, reader } = await setup("AFTER_VOTING", new Date(Date.now() - 1000));
    expect([await seen(null), await seen(reader)]).toEqual(["visible", "visible"]);
  });

  it("AFTER_CLOSING: moderators only while open, everyone after", async () => {
    const open = await setup("AFTER_CLOSING");
    expect([await open.seen(null), await open.seen(open.voter), await open.seen(open.moderator)]).toEqual(["afterClosing", "afterClosing", "visible"]);
    const closed = await setup("AFTER_CLOSING", new Date(Date.now() - 1000));
    expect([await closed.seen(null), await closed.seen(closed.reader)]).toEqual(["visible", "visible"]);
  });

  it("MODERATORS: moderators and admins only, even after closing", async () => {
    const open = await setup("MODERATORS");
    expect([await open.seen(null), await open.seen(open.voter), await open.seen(open.moderator), await open.seen(open.admin)]).toEqual([
      "moderators",
      "moderators",
      "visible",
      "visible",
    ]);
    const closed = await setup("MODERATORS", new Date(Date.now() - 1000));
    expect(await closed.seen(closed.reader)).toBe("moderators");
  });
});

describe("polls.vote", () => {
  it("casts a single-choice ballot and changes it, moving the count", async () => {
    const poll = await createTestPoll(db);
    const reader = await createTestUser(db);
    const first = await callerFor(reader).polls.vote({ pollId: poll.id, optionIds: [poll.options[0]!.id] });
    expect(first.changed).toBe(true);
    expect(first.results.myChoice).toEqual([poll.options[0]!.id]);
    const second = await callerFor(reader).polls.vote({ pollId: poll.id, optionIds: [poll.options[3]!.id] });
    expect(second.results).toMatchObject({ voterCount: 1, myChoice: [poll.options[3]!.id] });
    expect(await countsOf(db, poll.id)).toEqual({ stored: { voters: 1, options: [0, 0, 0, 1] }, actual: { voters: 1, options: [0, 0, 0, 1] } });
    const again = await callerFor(reader).polls.vote({ pollId: poll.id, optionIds: [poll.options[3]!.id] });
    expect(again.changed).toBe(false);
  });

  it("casts a multiple-choice ballot up to the maximum and changes part of it", async () => {
    const poll = await createTestPoll(db, { kind: "MULTIPLE", maxChoices: 3, options: 5 });
    const reader = await createTestUser(db);
    const ids = poll.options.map((o) => o.id);
    await callerFor(reader).polls.vote({ pollId: poll.id, optionIds: [ids[0]!, ids[1]!, ids[2]!] });
    await callerFor(reader).polls.vote({ pollId: poll.id, optionIds: [ids[2]!, ids[4]!] });
    expect(await countsOf(db, poll.id)).toEqual({ stored: { voters: 1, options: [0, 0, 1, 0, 1] }, actual: { voters: 1, options: [0, 0, 1, 0, 1] } });
    expect((await callerFor(reader).polls.get({ pollId: poll.id })).myChoice).toEqual([ids[2]!, ids[4]!].sort());
  });

  describe("refuses, with a specific message and nothing stored", () => {
    it.each([
      ["an option of another poll", "BAD_REQUEST", "所选的选项不属于这个投票。", "That option does not belong to this poll."],
      ["a closed poll", "BAD_REQUEST", "这个投票已经结束。", "This poll is closed."],
      ["a poll not yet open", "BAD_REQUEST", "这个投票还没有开始。", "This poll has not opened yet."],
      ["two choices in a single-choice poll", "BAD_REQUEST", "这个投票最多只能选 1 项。", "This poll allows at most 1 choice."],
      ["more choices than a multiple-choice poll allows", "BAD_REQUEST", "这个投票最多只能选 2 项。", "This poll allows at most 2 choices."],
      ["no choice", "BAD_REQUEST", "请至少选择一项。", "Choose at least one option."],
      ["the same option twice", "BAD_REQUEST", "同一个选项不能选两次。", "The same option cannot be chosen twice."],
      ["a signed-out reader", "UNAUTHORIZED", "请先登录。", "Please sign in first."],
      ["an unknown poll", "NOT_FOUND", "找不到这个投票。", "That poll could not be found."],
    ])("%s", async (name, code, zh, en) => {
      const multiple = name.startsWith("more choices");
      const poll = await createTestPoll(db, {
        kind: multiple ? "MULTIPLE" : "SINGLE",
        maxChoices: multiple ? 2 : 1,
        closesAt: name === "a closed poll" ? new Date(Date.now() - 1000) : null,
        opensAt: name === "a poll not yet open" ? new Date(Date.now() + 3_600_000) : undefined,
      });
      const other = await createTestPoll(db, { essayId: poll.essayId });
      const ids = poll.options.map((o) => o.id);
      const input = {
        "an option of another poll": { pollId: poll.id, optionIds: [other.options[0]!.id] },
        "a closed poll": { pollId: poll.id, optionIds: [ids[0]!] },
        "a poll not yet open": { pollId: poll.id, optionIds: [ids[0]!] },
        "two choices in a single-choice poll": { pollId: poll.id, optionIds: [ids[0]!, ids[1]!] },
        "more choices than a multiple-choice poll allows": { pollId: poll.id, optionIds: [ids[0]!, ids[1]!, ids[2]!] },
        "no choice": { pollId: poll.id, optionIds: [] },
        "the same option twice": { pollId: poll.id, optionIds: [ids[0]!, ids[0]!] },
        "a signed-out reader": { pollId: poll.id, optionIds: [ids[0]!] },
        "an unknown poll": { pollId: "no-such-poll", optionIds: [ids[0]!] },
      }[name]!;
      const reader = name === "a signed-out reader" ? null : await createTestUser(db);

      const inZh = await refusal(() => callerFor(reader).polls.vote(input));
      expect(inZh).toEqual({ code, message: zh });
      expect((await refusal(() => callerFor(reader, "en").polls.vote(input), "en")).message).toBe(en);

      for (const id of [poll.id, other.id]) {
        expect(await db.ballot.count({ where: { pollId: id } })).toBe(0);
        expect((await countsOf(db, id)).stored).toEqual({ voters: 0, options: [0, 0, 0, 0] });
      }
    });
  });

  it("refuses to change a ballot where changes are not allowed, but accepts the same ballot again", async () => {
    const poll = await createTestPoll(db, { allowChange: false });
    const reader = await createTestUser(db);
    await callerFor(reader).polls.vote({ pollId: poll.id, optionIds: [poll.options[0]!.id] });
    expect(await refusal(() => callerFor(reader).polls.vote({ pollId: poll.id, optionIds: [poll.options[1]!.id] }))).toEqual({
      code: "FORBIDDEN",
      message: "这个投票不允许更改或撤回已投的票。",
    });
    expect((await callerFor(reader).polls.vote({ pollId: poll.id, optionIds: [poll.options[0]!.id] })).changed).toBe(false);
    expect((await refusal(() => callerFor(reader).polls.withdraw({ pollId: poll.id }))).code).toBe("FORBIDDEN");
    expect((await countsOf(db, poll.id)).stored).toEqual({ voters: 1, options: [1, 0, 0, 0] });
  });

  it("refuses a change once the poll has closed", async () => {
    const poll = await createTestPoll(db);
    const reader = await createTestUser(db);
    await callerFor(reader).polls.vote({ pollId: poll.id, optionIds: [poll.options[0]!.id] });
    await db.poll.update({ where: { id: poll.id }, data: { closesAt: new Date(Date.now() - 1) } });
    expect((await refusal(() => callerFor(reader).polls.vote({ pollId: poll.id, optionIds: [poll.options[1]!.id] }))).message).toBe("这个投票已经结束。");
    expect((await refusal(() => callerFor(reader).polls.withdraw({ pollId: poll.id }))).message).toBe("这个投票已经结束。");
    expect((await countsOf(db, poll.id)).stored).toEqual({ voters: 1, options: [1, 0, 0, 0] });
  });

  it(`limits changes to ${ballotChangeLimit.max} per reader and poll in the window; a first vote is never limited`, async () => {
    const poll = await createTestPoll(db);
    const reader = await createTestUser(db);
    const ids = poll.options.map((o) => o.id);
    await callerFor(reader).polls.vote({ pollId: poll.id, optionIds: [ids[0]!] });
    for (let i = 1; i <= ballotChangeLimit.max; i += 1) await callerFor(reader).polls.vote({ pollId: poll.id, optionIds: [ids[i % 4]!] });
    const refused = await refusal(() => callerFor(reader, "en").polls.vote({ pollId: poll.id, optionIds: [ids[(ballotChangeLimit.max + 1) % 4]!] }), "en");
    expect(refused.code).toBe("TOO_MANY_REQUESTS");
    expect(refused.message).toMatch(/^You are changing your vote too often\. Try again in \d+ s\.$/);
    expect((await refusal(() => callerFor(reader).polls.withdraw({ pollId: poll.id }))).code).toBe("TOO_MANY_REQUESTS");
    expect((await callerFor(reader).polls.get({ pollId: poll.id })).myChoice).toEqual([ids[ballotChangeLimit.max % 4]!]);

    const newcomer = await createTestUser(db);
    expect((await callerFor(newcomer).polls.vote({ pollId: poll.id, optionIds: [ids[0]!] })).changed).toBe(true);
    const counts = await countsOf(db, poll.id);
    expect(counts.stored).toEqual(counts.actual);
  });
});

describe("polls.withdraw", () => {
  it("removes the ballot and its counts; a second withdrawal finds nothing", async () => {
    const poll = await createTestPoll(db, { kind: "MULTIPLE", maxChoices: 2 });
    const reader = await createTestUser(db);
    await callerFor(reader).polls.vote({ pollId: poll.id, optionIds: [poll.options[0]!.id, poll.options[1]!.id] });
    const withdrawn = await callerFor(reader).polls.withdraw({ pollId: poll.id });
    expect(withdrawn).toMatchObject({ withdrawn: true, results: { visible: true, voterCount: 0, myChoice: null } });
    expect(await countsOf(db, poll.id)).toEqual({ stored: { voters: 0, options: [0, 0, 0, 0] }, actual: { voters: 0, options: [0, 0, 0, 0] } });
    expect((await callerFor(reader).polls.withdraw({ pollId: poll.id })).withdrawn).toBe(false);
    expect((await refusal(() => callerFor(null).polls.withdraw({ pollId: poll.id }))).code).toBe("UNAUTHORIZED");
  });
});

describe("polls.breakdown", () => {
  it("crosses the two polls over readers who answered both, suppressing groups under 5", async () => {
    const essayId = await createTestEssay(db);
    const left = await createTestPoll(db, { essayId, options: 2 });
    const generation = await createTestPoll(db, { essayId, options: 3 });
    // rows: left option 0/1; columns: generation 0/1/2
    const table = [
      [6, 7, 2],
      [8, 9, 10],
    ];
    for (const [r, row] of table.entries()) {
      for (const [c, n] of row.entries()) {
        for (let i = 0; i < n; i += 1) {
          const user = await createTestUser(db);
          await callerFor(user).polls.vote({ pollId: left.id, optionIds: [left.options[r]!.id] });
          await callerFor(user).polls.vote({ pollId: generation.id, optionIds: [generation.options[c]!.id] });
        }
      }
    }
    // Answered only one poll: not in the table.
    await callerFor(await createTestUser(db)).polls.vote({ pollId: left.id, optionIds: [left.options[0]!.id] });

    const breakdown = await callerFor(null).polls.breakdown({ pollId: left.id, byPollId: generation.id });
    expect(breakdown).toEqual({
      visible: true,
      pollId: left.id,
      byPollId: generation.id,
      rows: left.options.map((o) => o.id),
      columns: generation.options.map((o) => o.id),
      cells: [
        [{ kind: "hidden" }, { kind: "count", value: 7 }, { kind: "fewerThan", threshold: 5 }],
        [{ kind: "hidden" }, { kind: "count", value: 9 }, { kind: "hidden" }],
      ],
      rowTotals: [null, null],
      columnTotals: [null, 16, null],
      total: null,
    });
  });

  it("is hidden when either poll's results are hidden from the reader", async () => {
    const essayId = await createTestEssay(db);
    const open = await createTestPoll(db, { essayId });
    const secret = await createTestPoll(db, { essayId, resultsVisibility: "MODERATORS" });
    expect(await callerFor(null).polls.breakdown({ pollId: open.id, byPollId: secret.id })).toEqual({
      visible: false,
      pollId: open.id,
      byPollId: secret.id,
      reason: "moderators",
    });
    const moderator = await createTestUser(db, { role: "MODERATOR" });
    expect((await callerFor(moderator).polls.breakdown({ pollId: open.id, byPollId: secret.id })).visible).toBe(true);
  });

  it("refuses a poll by itself, polls of two essays, and unknown polls", async () => {
    const a = await createTestPoll(db);
    const b = await createTestPoll(db);
    expect(await refusal(() => callerFor(null).polls.breakdown({ pollId: a.id, byPollId: a.id }))).toEqual({
      code: "BAD_REQUEST",
      message: "不能按同一个投票自身来细分结果。",
    });
    expect((await refusal(() => callerFor(null, "en").polls.breakdown({ pollId: a.id, byPollId: b.id }), "en")).message).toBe(
      "A poll can only be broken down by another poll on the same essay.",
    );
    expect((await refusal(() => callerFor(null).polls.breakdown({ pollId: a.id, byPollId: "nope" }))).code).toBe("NOT_FOUND");
  });
});
