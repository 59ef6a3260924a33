/**
 * polls.moderation.* through a caller on a fresh database: who may call them, every rule of
 * creating and editing a poll, refusals in both languages that leave the database as it was,
 * the live event after a change, the audit line, and no ballot in any output.
 */
import { decodeLivePayload } from "@/server/live/event-store.ts";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { SessionUser } from "@/server/auth/session-user.ts";
import type { Db } from "@/server/db/client.ts";
import { seedContent } from "@/server/essay/seed.ts";
import type { AppLocale } from "@/server/i18n/locales.ts";
import { setModerationAuditSink } from "@/server/polls/moderation/audit.ts";
import { countsOf, createTestPoll } from "@/server/polls/testing/poll-fixture.ts";
import { createTestCaller, createTestUser } from "@/server/test/caller.ts";
import { createTestDatabase } from "@/server/test/database.ts";
import { refusal } from "@/server/test/refusal.ts";
import type { CreatePollInput } from "./schemas.ts";

let db: Db;
let close: () => Promise<void>;
let moderator: SessionUser;
let admin: SessionUser;
let reader: SessionUser;
let essaySlug: string;
let audit: string[] = [];

beforeAll(async () => {
  ({ db, close } = await createTestDatabase());
  await seedContent(db);
  essaySlug = (await db.essay.findFirstOrThrow({ select: { slug: true } })).slug;
  moderator = await createTestUser(db, { role: "MODERATOR", name: "Mod" });
  admin = await createTestUser(db, { role: "ADMIN" });
  reader = await createTestUser(db);
});
afterAll(async () => {
  await close();
});

let restoreSink: ((line: string) => void) | null = null;
beforeEach(() => {
  audit = [];
  restoreSink = setModerationAuditSink((line) => audit.push(line));
});
afterEach(() => {
  if (restoreSink) setModerationAuditSink(restoreSink);
});

const as = (user: SessionUser | null, locale: AppLocale = "zh") =>
  createTestCaller({ db, user, locale, request: { ip: "203.0.113.7", userAgent: "moderation-test" } }).polls.moderation;

let created = 0;
function pollInput(overrides: Partial<CreatePollInput> = {}): CreatePollInput {
  created += 1;
  return {
    slug: essaySlug,
    question: { zh: `你还在看链上数据吗？${created}`, en: `Do you still read on-chain data? ${created}` },
    kind: "SINGLE",
    maxChoices: 1,
    options: [{ label: { zh: "每天", en: "Every day" } }, { label: { zh: "偶尔", en: "Now and then" } }, { label: { zh: "不看了", en: "Not any more" } }],
    resultsVisibility: "ALWAYS",
    allowChange: true,
    placements: ["end"],
    ...overrides,
  };
}

/** Every poll row and option row, to compare before and after a refusal. */
const everything = () =>
  db.poll.findMany({
    orderBy: { id: "asc" },
    select: {
      id: true,
      key: true,
      questionZh: true,
      questionEn: true,
      kind: true,
      maxChoices: true,
      opensAt: true,
      closesAt: true,
      resultsVisibility: true,
      allowChange: true,
      placements: true,
      position: true,
      options: { orderBy: { id: "asc" }, select: { id: true, key: true, labelZh: true, labelEn: true, position: true, voteCount: true } },
    },
  });

async function expectRefusedUnchanged(run: () => Promise<unknown>, expected: { code: string; field?: string; zh: string; en: string }) {
  const before = await everything();
  const zh = await refusal(run, "zh");
  const en = await refusal(run, "en");
  expect(zh.code).toBe(expected.code);
  if (expected.field) {
    expect(zh.data.fieldErrors?.[expected.field]).toBe(expected.zh);
    expect(en.data.fieldErrors?.[expected.field]).toBe(expected.en);
  } else {
    expect(zh.message).toBe(expected.zh);
    expect(en.message).toBe(expected.en);
  }
  expect(await everything()).toEqual(before);
}

async function vote(user: SessionUser, pollId: string, optionIds: string[]) {
  await createTestCaller({ db, user }).polls.vote({ pollId, optionIds });
}

describe("who may moderate", () => {
  it("refuses signed-out visitors (UNAUTHORIZED) and readers (FORBIDDEN) on every procedure, storing nothing", async () => {
    const poll = await createTestPoll(db);
    const calls = (caller: ReturnType<typeof as>) => [
      () => caller.list({ slug: essaySlug }),
      () => caller.get({ pollId: poll.id }),
      () => caller.create(pollInput()),
      () => caller.updateWording({ pollId: poll.id, question: { zh: "改", en: "Changed" }, options: poll.options.map((o, i) => ({ id: o.id, label: { zh: `改${i}`, en: `C${i}` } })) }),
      () => caller.addOptions({ pollId: poll.id, options: [{ label: { zh: "新", en: "New" } }] }),
      () => caller.close({ pollId: poll.id }),
      () => caller.reopen({ pollId: poll.id, closesAt: null }),
      () => caller.setVisibility({ pollId: poll.id, resultsVisibility: "MODERATORS" }),
      () => caller.setAllowChange({ pollId: poll.id, allowChange: false }),
    ];
    for (const call of calls(as(null))) await expectRefusedUnchanged(call, { code: "UNAUTHORIZED", zh: "请先登录。", en: "Please sign in first." });
    for (const call of calls(as(reader))) {
      await expectRefusedUnchanged(call, { code: "FORBIDDEN", zh: "你没有权限执行此操作。", en: "You are not allowed to do that." });
    }
    expect(audit).toEqual([]);
  });

  it("lets admins do what moderators do", async () => {
    const poll = await as(admin).create(pollInput());
    expect((await as(admin).close({ pollId: poll.id })).state).toBe("closed");
  });
});

describe("polls.moderation.create", () => {
  it("creates a poll with a key made from the English question, option keys from the labels, after the essay's other polls", async () => {
    const existing = await as(moderator).list({ slug: essaySlug });
    const input = pollInput({ question: { zh: "你用过哪些钱包？", en: "Which wallets have you used?" } });
    const poll = await as(moderator).create({ ...input, kind: "MULTIPLE", maxChoices: 2 });
    expect(poll).toMatchObject({
      key: "which-wallets-have-you-used",
      question: { zh: "你用过哪些钱包？", en: "Which wallets have you used?" },
      kind: "MULTIPLE",
      maxChoices: 2,
      state: "open",
      closesAt: null,
      resultsVisibility: "ALWAYS",
      allowChange: true,
      placements: ["end"],
      voterCount: 0,
    });
    expect(poll.options.map((o) => [o.key, o.label.zh, o.votes])).toEqual([
      ["every-day", "每天", 0],
      ["now-and-then", "偶尔", 0],
      ["not-any-more", "不看了", 0],
    ]);
    const after = await as(moderator).list({ slug: essaySlug });
    expect(after.polls.map((p) => p.id)).toEqual([...existing.polls.map((p) => p.id), poll.id]);
    expect(after.essay.slug).toBe(essaySlug);

    // The same question again gets the next free key.
    expect((await as(moderator).create({ ...input, kind: "MULTIPLE", maxChoices: 2 })).key).toBe("which-wallets-have-you-used-2");
    // A Chinese-only question makes a key from the fallback.
    const chinese = await as(moderator).create(pollInput({ question: { zh: "你好吗", en: "？？" } }));
    expect(chinese.key).toMatch(/^poll(-\d+)?$/);
  });

  it("keeps a given key, times and settings, and appears on the reader's list", async () => {
    const opensAt = new Date(Date.now() + 60 * 60_000);
    const closesAt = new Date(Date.now() + 2 * 60 * 60_000);
    const poll = await as(moderator).create(pollInput({ key: "custom-key", opensAt, closesAt, resultsVisibility: "AFTER_CLOSING", allowChange: false, placements: ["after-section-1", "end"] }));
    expect(poll).toMatchObject({ key: "custom-key", opensAt, closesAt, state: "upcoming", resultsVisibility: "AFTER_CLOSING", allowChange: false, placements: ["after-section-1", "end"] });
    const forReaders = await createTestCaller({ db, user: null }).polls.listForEssay({ slug: essaySlug });
    expect(forReaders.find((p) => p.id === poll.id)?.key).toBe("custom-key");
  });

  it("stores wording byte for byte (less trailing space, as comment bodies) and writes one audit line with who and from where", async () => {
    const wording = { zh: "  “引号” 和 <b>标签</b> & 😀  ", en: "It's \"quoted\", <i>tagged</i> & ‘curly’" };
    const poll = await as(moderator).create(pollInput({ question: wording }));
    expect(poll.question).toEqual({ zh: "  “引号” 和 <b>标签</b> & 😀", en: wording.en });
    expect(audit).toHaveLength(1);
    const line = JSON.parse(audit[0]!.replace(/^\[moderation\] /, "")) as Record<string, unknown>;
    expect(line).toMatchObject({ action: "poll.create", moderatorId: moderator.id, pollId: poll.id, ip: "203.0.113.7", userAgent: "moderation-test" });
  });

  it("tells open pages to refresh (the poll's live channel)", async () => {
    const before = await db.liveEvent.count();
    const poll = await as(moderator).create(pollInput());
    const event = await db.liveEvent.findFirstOrThrow({ where: { channel: `poll:${poll.id}` }, select: { payload: true } });
    expect(decodeLivePayload(event.payload)).toEqual({ type: "results-changed" });
    expect(await db.liveEvent.count()).toBe(before + 1);
  });

  const three = pollInput().options;
  it.each<[string, () => CreatePollInput, { code: string; field?: string; zh: string; en: string }]>([
    ["one option", () => pollInput({ options: three.slice(0, 1) }), { code: "BAD_REQUEST", field: "options", zh: "投票至少需要 2 个选项。", en: "A poll needs at least 2 options." }],
    [
      "13 options",
      () => pollInput({ options: Array.from({ length: 13 }, (_, i) => ({ label: { zh: `选项${i}`, en: `Option ${i}` } })) }),
      { code: "BAD_REQUEST", field: "options", zh: "投票最多只能有 12 个选项。", en: "A poll can have at most 12 options." },
    ],
    [
      "two labels that differ only in case and spaces",
      () => pollInput({ options: [...three, { label: { zh: "别的", en: " every DAY " } }] }),
      { code: "BAD_REQUEST", field: "options.3.label.en", zh: "两个选项的标签相同，请改成不同的说法。", en: "Two options have the same label; word them differently." },
    ],
    ["a single-choice poll with 2 choices", () => pollInput({ maxChoices: 2 }), { code: "BAD_REQUEST", field: "maxChoices", zh: "单选投票只能选 1 项。", en: "A single-choice poll allows exactly 1 choice." }],
    [
      "a multiple-choice poll with more choices than options",
      () => pollInput({ kind: "MULTIPLE", maxChoices: 4 }),
      { code: "BAD_REQUEST", field: "maxChoices", zh: "多选投票的“最多可选”须在 2 到选项数之间。", en: "A multiple-choice poll allows between 2 and the number of options." },
    ],
    [
      "a multiple-choice poll with 1 choice",
      () => pollInput({ kind: "MULTIPLE", maxChoices: 1 }),
      { code: "BAD_REQUEST", field: "maxChoices", zh: "多选投票的“最多可选”须在 2 到选项数之间。", en: "A multiple-choice poll allows between 2 and the number of options." },
    ],
    [
      "closing before opening",
      () => pollInput({ opensAt: new Date(Date.now() + 7_200_000), closesAt: new Date(Date.now() + 3_600_000) }),
      { code: "BAD_REQUEST", field: "closesAt", zh: "结束时间必须晚于开始时间。", en: "The closing time must be after the opening time." },
    ],
    [
      "closing in the past",
      () => pollInput({ opensAt: new Date(Date.now() - 7_200_000), closesAt: new Date(Date.now() - 3_600_000) }),
      { code: "BAD_REQUEST", field: "closesAt", zh: "结束时间必须在将来。", en: "The closing time must be in the future." },
    ],
    [
      "closing before the default opening (now)",
      () => pollInput({ closesAt: new Date(Date.now() - 1000) }),
      { code: "BAD_REQUEST", field: "closesAt", zh: "结束时间必须晚于开始时间。", en: "The closing time must be after the opening time." },
    ],
    ["an empty question", () => pollInput({ question: { zh: "   ", en: "Q" } }), { code: "BAD_REQUEST", field: "question.zh", zh: "请填写问题（中文和英文都要）。", en: "Write the question in both Chinese and English." }],
    [
      "a missing English label",
      () => pollInput({ options: [three[0]!, { label: { zh: "偶尔", en: "" } }] }),
      { code: "BAD_REQUEST", field: "options.1.label.en", zh: "每个选项都需要中文和英文标签。", en: "Every option needs a Chinese and an English label." },
    ],
    ["a question of 301 characters", () => pollInput({ question: { zh: "长".repeat(301), en: "Q" } }), { code: "BAD_REQUEST", field: "question.zh", zh: "文字太长（最多 300 个字符）。", en: "This text is too long (at most 300 characters)." }],
    ["a line break in a label", () => pollInput({ options: [three[0]!, { label: { zh: "偶\n尔", en: "Now" } }] }), { code: "BAD_REQUEST", field: "options.1.label.zh", zh: "文字不能包含控制字符。", en: "The text cannot contain control characters." }],
    ["a NUL byte in the question", () => pollInput({ question: { zh: "问\u0000题", en: "Q" } }), { code: "BAD_REQUEST", field: "question.zh", zh: "文字不能包含控制字符。", en: "The text cannot contain control characters." }],
    ["an unknown placement", () => pollInput({ placements: ["sidebar" as "end"] }), { code: "BAD_REQUEST", field: "placements.0", zh: "未知的位置。", en: "That is not a place on the essay page." }],
    ["a placement twice", () => pollInput({ placements: ["end", "end"] }), { code: "BAD_REQUEST", field: "placements", zh: "同一位置不能选两次。", en: "The same place cannot be chosen twice." }],
    ["a malformed key", () => pollInput({ key: "Left Web3" }), { code: "BAD_REQUEST", field: "key", zh: "标识只能用小写字母、数字和连字符，如 left-web3。", en: "A key uses lowercase letters, digits and hyphens only, like left-web3." }],
    ["an unknown essay", () => pollInput({ slug: "no-such-essay" }), { code: "NOT_FOUND", zh: "找不到这篇文章。", en: "That essay could not be found." }],
  ])("refuses %s and stores nothing", async (_name, input, expected) => {
    await expectRefusedUnchanged(() => as(moderator).create(input()), expected);
  });

  it("refuses a key the essay already uses", async () => {
    await as(moderator).create(pollInput({ key: "taken-key" }));
    await expectRefusedUnchanged(() => as(moderator).create(pollInput({ key: "taken-key" })), {
      code: "BAD_REQUEST",
      field: "key",
      zh: "这篇文章已经有一个同样标识的投票。",
      en: "This essay already has a poll with that key.",
    });
  });
});

describe("polls.moderation.updateWording", () => {
  const relabel = (poll: { options: { id: string; label: { zh: string; en: string } }[] }) => poll.options.map((o) => ({ id: o.id, label: o.label }));

  it("changes the question and labels in place and reorders, keeping ballots and counts", async () => {
    const poll = await as(moderator).create(pollInput());
    await vote(reader, poll.id, [poll.options[1]!.id]);
    const [a, b, c] = relabel(poll);
    const updated = await as(moderator).updateWording({
      pollId: poll.id,
      question: { zh: "你还看链上数据吗？", en: "Do you still read on-chain data?" },
      options: [c!, { ...b!, label: { zh: "有时候", en: "Sometimes" } }, a!],
    });
    expect(updated.question).toEqual({ zh: "你还看链上数据吗？", en: "Do you still read on-chain data?" });
    expect(updated.options.map((o) => [o.id, o.key, o.label.zh, o.votes])).toEqual([
      [c!.id, "not-any-more", "不看了", 0],
      [b!.id, "now-and-then", "有时候", 1],
      [a!.id, "every-day", "每天", 0],
    ]);
    expect(await countsOf(db, poll.id)).toEqual({ stored: { voters: 1, options: [0, 1, 0] }, actual: { voters: 1, options: [0, 1, 0] } });
    expect((await createTestCaller({ db, user: reader }).polls.results({ pollId: poll.id })).myChoice).toEqual([b!.id]);
    expect(JSON.parse(audit.at(-1)!.replace(/^\[moderation\] /, ""))).toMatchObject({ action: "poll.updateWording", details: { questionChanged: true, labelsChanged: 1, removed: [] } });
  });

  it("removes an option while nobody has voted", async () => {
    const poll = await as(moderator).create(pollInput());
    const updated = await as(moderator).updateWording({ pollId: poll.id, question: poll.question, options: relabel(poll).slice(0, 2) });
    expect(updated.options.map((o) => o.key)).toEqual(["every-day", "now-and-then"]);
    expect(await db.pollOption.count({ where: { pollId: poll.id } })).toBe(2);
  });

  it("refuses to remove an option that has votes, or any option once someone voted, and changes nothing", async () => {
    const poll = await as(moderator).create(pollInput());
    await vote(reader, poll.id, [poll.options[2]!.id]);
    await expectRefusedUnchanged(() => as(moderator).updateWording({ pollId: poll.id, question: { zh: "改了", en: "Changed" }, options: relabel(poll).slice(0, 2) }), {
      code: "BAD_REQUEST",
      field: "options",
      zh: "已经有人投过这个选项，不能删除。",
      en: "Readers have chosen this option, so it cannot be removed.",
    });
    await expectRefusedUnchanged(() => as(moderator).updateWording({ pollId: poll.id, question: poll.question, options: relabel(poll).slice(1) }), {
      code: "BAD_REQUEST",
      field: "options",
      zh: "投票已有人参与，不能再删除选项。",
      en: "Readers have voted in this poll, so options can no longer be removed.",
    });
  });

  it("refuses removing below a multiple-choice poll's maximum", async () => {
    const poll = await as(moderator).create(pollInput({ kind: "MULTIPLE", maxChoices: 3 }));
    await expectRefusedUnchanged(() => as(moderator).updateWording({ pollId: poll.id, question: poll.question, options: relabel(poll).slice(0, 2) }), {
      code: "BAD_REQUEST",
      field: "options",
      zh: "多选投票的“最多可选”须在 2 到选项数之间。",
      en: "A multiple-choice poll allows between 2 and the number of options.",
    });
  });

  it("refuses an option of another poll, an option twice, duplicate labels, too few options and an unknown poll", async () => {
    const poll = await as(moderator).create(pollInput());
    const other = await as(moderator).create(pollInput());
    const options = relabel(poll);
    await expectRefusedUnchanged(() => as(moderator).updateWording({ pollId: poll.id, question: poll.question, options: [...options, { id: other.options[0]!.id, label: { zh: "别的", en: "Other" } }] }), {
      code: "BAD_REQUEST",
      field: "options.3",
      zh: "这个选项不属于这个投票（可能已被删除，请刷新页面）。",
      en: "That option does not belong to this poll (it may have been removed; reload the page).",
    });
    await expectRefusedUnchanged(() => as(moderator).updateWording({ pollId: poll.id, question: poll.question, options: [options[0]!, { ...options[0]!, label: { zh: "别的", en: "Other" } }] }), {
      code: "BAD_REQUEST",
      field: "options",
      zh: "同一个选项出现了两次。",
      en: "The same option appears twice.",
    });
    await expectRefusedUnchanged(() => as(moderator).updateWording({ pollId: poll.id, question: poll.question, options: [options[0]!, { ...options[1]!, label: options[0]!.label }] }), {
      code: "BAD_REQUEST",
      field: "options.1.label.zh",
      zh: "两个选项的标签相同，请改成不同的说法。",
      en: "Two options have the same label; word them differently.",
    });
    await expectRefusedUnchanged(() => as(moderator).updateWording({ pollId: poll.id, question: poll.question, options: options.slice(0, 1) }), {
      code: "BAD_REQUEST",
      field: "options",
      zh: "投票至少需要 2 个选项。",
      en: "A poll needs at least 2 options.",
    });
    await expectRefusedUnchanged(() => as(moderator).updateWording({ pollId: "no-such-poll", question: poll.question, options }), {
      code: "NOT_FOUND",
      zh: "找不到这个投票。",
      en: "That poll could not be found.",
    });
  });
});

describe("edits racing ballots", () => {
  it("relabelling while readers vote neither deadlocks nor loses a vote", async () => {
    const poll = await as(moderator).create(pollInput({ kind: "MULTIPLE", maxChoices: 2 }));
    const readers = await Promise.all(Array.from({ length: 24 }, () => createTestUser(db)));
    const ids = poll.options.map((o) => o.id);
    const outcomes = await Promise.allSettled([
      ...readers.map((r, i) => vote(r, poll.id, i % 3 === 0 ? [ids[0]!, ids[2]!] : [ids[i % 3]!])),
      ...Array.from({ length: 8 }, (_, n) =>
        as(moderator).updateWording({
          pollId: poll.id,
          question: { zh: `改过的问题 ${n}`, en: `Reworded ${n}` },
          options: poll.options.map((o, i) => ({ id: o.id, label: { zh: `${o.label.zh}${n}-${i}`, en: `${o.label.en} ${n}-${i}` } })),
        }),
      ),
    ]);
    expect(outcomes.filter((o) => o.status === "rejected")).toEqual([]);
    const counts = await countsOf(db, poll.id);
    expect(counts.stored).toEqual(counts.actual);
    expect(counts.stored.voters).toBe(readers.length);
  });
});

describe("polls.moderation.addOptions", () => {
  it("adds options after the existing ones, votes or not, with keys from their labels", async () => {
    const poll = await as(moderator).create(pollInput());
    await vote(reader, poll.id, [poll.options[0]!.id]);
    const updated = await as(moderator).addOptions({ pollId: poll.id, options: [{ label: { zh: "看别人的分析", en: "I read others' analyses" } }, { key: "custom", label: { zh: "其他", en: "Other" } }] });
    expect(updated.options.map((o) => [o.key, o.votes])).toEqual([
      ["every-day", 1],
      ["now-and-then", 0],
      ["not-any-more", 0],
      ["i-read-others-analyses", 0],
      ["custom", 0],
    ]);
    expect(updated.voterCount).toBe(1);
  });

  it("refuses past 12 options, a label already used, a taken key and an unknown poll", async () => {
    const poll = await as(moderator).create(pollInput());
    await expectRefusedUnchanged(
      () => as(moderator).addOptions({ pollId: poll.id, options: Array.from({ length: 10 }, (_, i) => ({ label: { zh: `新${i}`, en: `New ${i}` } })) }),
      { code: "BAD_REQUEST", field: "options", zh: "投票最多只能有 12 个选项。", en: "A poll can have at most 12 options." },
    );
    await expectRefusedUnchanged(() => as(moderator).addOptions({ pollId: poll.id, options: [{ label: { zh: "新的", en: "EVERY DAY" } }] }), {
      code: "BAD_REQUEST",
      field: "options.0.label.en",
      zh: "两个选项的标签相同，请改成不同的说法。",
      en: "Two options have the same label; word them differently.",
    });
    await expectRefusedUnchanged(() => as(moderator).addOptions({ pollId: poll.id, options: [{ key: "every-day", label: { zh: "新的", en: "New" } }] }), {
      code: "BAD_REQUEST",
      field: "options.0.key",
      zh: "这篇文章已经有一个同样标识的投票。",
      en: "This essay already has a poll with that key.",
    });
    await expectRefusedUnchanged(() => as(moderator).addOptions({ pollId: "no-such-poll", options: [{ label: { zh: "新的", en: "New" } }] }), {
      code: "NOT_FOUND",
      zh: "找不到这个投票。",
      en: "That poll could not be found.",
    });
    // Up to 12 in all is fine.
    const filled = await as(moderator).addOptions({ pollId: poll.id, options: Array.from({ length: 9 }, (_, i) => ({ label: { zh: `新${i}`, en: `New ${i}` } })) });
    expect(filled.options).toHaveLength(12);
  });
});

describe("polls.moderation.close and reopen", () => {
  it("closes now (readers can no longer vote), reopens for good or until a future time, keeping opensAt", async () => {
    const poll = await as(moderator).create(pollInput());
    const closed = await as(moderator).close({ pollId: poll.id });
    expect(closed.state).toBe("closed");
    expect(closed.closesAt!.getTime()).toBeLessThanOrEqual(Date.now());
    expect((await refusal(() => vote(reader, poll.id, [poll.options[0]!.id]))).message).toBe("这个投票已经结束。");

    const reopened = await as(moderator).reopen({ pollId: poll.id, closesAt: null });
    expect(reopened).toMatchObject({ state: "open", closesAt: null, opensAt: poll.opensAt });
    await vote(reader, poll.id, [poll.options[0]!.id]);

    await as(moderator).close({ pollId: poll.id });
    const until = new Date(Date.now() + 86_400_000);
    expect(await as(moderator).reopen({ pollId: poll.id, closesAt: until })).toMatchObject({ state: "open", closesAt: until, voterCount: 1 });
  });

  it("refuses closing a closed or upcoming poll, reopening an open one, a past closing time, and unknown polls", async () => {
    const poll = await as(moderator).create(pollInput());
    await expectRefusedUnchanged(() => as(moderator).reopen({ pollId: poll.id, closesAt: null }), { code: "BAD_REQUEST", zh: "只有已结束的投票才能重新开放。", en: "Only a closed poll can be reopened." });
    await as(moderator).close({ pollId: poll.id });
    await expectRefusedUnchanged(() => as(moderator).close({ pollId: poll.id }), { code: "BAD_REQUEST", zh: "这个投票已经结束了。", en: "This poll is already closed." });
    await expectRefusedUnchanged(() => as(moderator).reopen({ pollId: poll.id, closesAt: new Date(Date.now() - 1000) }), {
      code: "BAD_REQUEST",
      field: "closesAt",
      zh: "结束时间必须在将来。",
      en: "The closing time must be in the future.",
    });
    const upcoming = await as(moderator).create(pollInput({ opensAt: new Date(Date.now() + 3_600_000) }));
    await expectRefusedUnchanged(() => as(moderator).close({ pollId: upcoming.id }), {
      code: "BAD_REQUEST",
      zh: "投票还没有开始，不能结束；请改它的时间。",
      en: "This poll has not opened yet, so it cannot be closed; change its times instead.",
    });
    for (const call of [() => as(moderator).close({ pollId: "nope" }), () => as(moderator).reopen({ pollId: "nope", closesAt: null }), () => as(moderator).get({ pollId: "nope" })]) {
      await expectRefusedUnchanged(call, { code: "NOT_FOUND", zh: "找不到这个投票。", en: "That poll could not be found." });
    }
  });
});

describe("polls.moderation.setVisibility and setAllowChange", () => {
  it("changes what readers see and whether they may change their ballot", async () => {
    const poll = await as(moderator).create(pollInput());
    expect((await as(moderator).setVisibility({ pollId: poll.id, resultsVisibility: "MODERATORS" })).resultsVisibility).toBe("MODERATORS");
    expect(await createTestCaller({ db, user: reader }).polls.results({ pollId: poll.id })).toMatchObject({ visible: false, reason: "moderators" });

    expect((await as(moderator).setAllowChange({ pollId: poll.id, allowChange: false })).allowChange).toBe(false);
    await vote(reader, poll.id, [poll.options[0]!.id]);
    expect((await refusal(() => vote(reader, poll.id, [poll.options[1]!.id]))).message).toBe("这个投票不允许更改或撤回已投的票。");
    const events = await db.liveEvent.count({ where: { channel: `poll:${poll.id}` } });
    expect(events).toBeGreaterThanOrEqual(3);
  });

  it("refuses an unknown visibility and unknown polls", async () => {
    const poll = await as(moderator).create(pollInput());
    expect((await refusal(() => as(moderator).setVisibility({ pollId: poll.id, resultsVisibility: "EVERYONE" as "ALWAYS" }))).code).toBe("BAD_REQUEST");
    await expectRefusedUnchanged(() => as(moderator).setAllowChange({ pollId: "nope", allowChange: false }), { code: "NOT_FOUND", zh: "找不到这个投票。", en: "That poll could not be found." });
  });
});

describe("secret ballots", () => {
  it("no moderation output carries a voter's id, name or email", async () => {
    const voter = await createTestUser(db, { name: "Secret Voter", email: "secret.voter@example.test" });
    const poll = await as(moderator).create(pollInput());
    await vote(voter, poll.id, [poll.options[1]!.id]);
    const outputs = [
      await as(moderator).list({ slug: essaySlug }),
      await as(moderator).get({ pollId: poll.id }),
      await as(moderator).setAllowChange({ pollId: poll.id, allowChange: true }),
      await as(moderator).close({ pollId: poll.id }),
    ];
    const text = JSON.stringify(outputs);
    for (const secret of [voter.id, "Secret Voter", "secret.voter@example.test"]) expect(text).not.toContain(secret);
    expect((await as(moderator).get({ pollId: poll.id })).options[1]!.votes).toBe(1);
  });
});
