import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Db } from "@/server/db/client.ts";
import { ContentError } from "@/server/essay/content-error.ts";
import { seedContent } from "@/server/essay/seed.ts";
import { createTestCaller, createTestUser } from "@/server/test/caller.ts";
import { createTestDatabase } from "@/server/test/database.ts";
import { countsOf } from "./testing/poll-fixture.ts";
import { defaultPollsFile, seedPolls } from "./seed.ts";

let db: Db;
let close: () => Promise<void>;
let dir: string;
let file: string;

beforeAll(async () => {
  ({ db, close } = await createTestDatabase());
  await seedContent(db);
});
afterAll(async () => {
  await close();
});

beforeEach(async () => {
  await db.poll.deleteMany();
  dir = await mkdtemp(path.join(os.tmpdir(), "tuiquan-polls-"));
  file = path.join(dir, "polls.json");
  await writeFile(file, await readFile(defaultPollsFile, "utf8"));
  return () => rm(dir, { recursive: true, force: true });
});

interface PollsJson {
  essay: string;
  polls: { key: string; question: { zh: string; en: string }; options: { key: string; label: { zh: string; en: string } }[]; [k: string]: unknown }[];
}
async function editPolls(edit: (data: PollsJson) => void): Promise<void> {
  const data = JSON.parse(await readFile(file, "utf8")) as PollsJson;
  edit(data);
  await writeFile(file, JSON.stringify(data));
}

const snapshot = () =>
  db.poll.findMany({
    orderBy: { key: "asc" },
    select: {
      id: true,
      key: true,
      questionZh: true,
      questionEn: true,
      updatedAt: true,
      options: { orderBy: { position: "asc" }, select: { id: true, key: true, labelZh: true, labelEn: true, updatedAt: true } },
    },
  });

describe("seedPolls", () => {
  it("creates the two polls of the issue with their exact texts", async () => {
    expect(await seedPolls(db, { file })).toEqual([
      { key: "left-web3", action: "created", optionsAdded: 4 },
      { key: "generation", action: "created", optionsAdded: 5 },
    ]);
    const polls = await snapshot();
    const left = polls.find((p) => p.key === "left-web3")!;
    expect([left.questionZh, left.questionEn]).toEqual(["你已经退圈了吗？", "Have you left Web3?"]);
    expect(left.options.map((o) => [o.labelZh, o.labelEn])).toEqual([
      ["已经完全退圈", "Left completely"],
      ["淡圈了，只把币圈当理财", "Faded out: crypto is just an investment now"],
      ["还在圈内全职", "Still in, full-time"],
      ["从未入圈", "Was never in"],
    ]);
    const generation = polls.find((p) => p.key === "generation")!;
    expect([generation.questionZh, generation.questionEn]).toEqual(["你是哪一代？", "Which generation are you?"]);
    expect(generation.options.map((o) => o.labelZh)).toEqual(["05后", "00后", "95后", "90后", "85后及更早"]);
    expect(generation.options.every((o) => o.labelEn.length > 0)).toBe(true);
  });

  it("writes nothing the second time", async () => {
    await seedPolls(db, { file });
    const before = await snapshot();
    expect((await seedPolls(db, { file })).map((p) => p.action)).toEqual(["unchanged", "unchanged"]);
    expect(await snapshot()).toEqual(before);
  });

  it("leaves an existing poll as moderators left it: a changed file rewrites no wording, option or setting, and ballots stay", async () => {
    await seedPolls(db, { file });
    const left = (await snapshot()).find((p) => p.key === "left-web3")!;
    const reader = await createTestUser(db);
    await createTestCaller({ db, user: reader }).polls.vote({ pollId: left.id, optionIds: [left.options[1]!.id] });
    // A moderator's edits (polls.moderation.*), made straight in the database here.
    await db.poll.update({ where: { id: left.id }, data: { questionEn: "Have you left Web3 yet?", resultsVisibility: "AFTER_VOTING", allowChange: false } });
    await db.pollOption.update({ where: { id: left.options[0]!.id }, data: { labelZh: "彻底退圈了" } });
    const edited = await snapshot();

    await editPolls((data) => {
      const poll = data.polls[0]!;
      poll.question.zh = "你退圈了没有？";
      poll.options[1]!.label.zh = "淡圈了，只把币圈当作理财";
      poll.options.push({ key: "thinking-about-it", label: { zh: "正在考虑", en: "Thinking about it" } });
    });
    expect(await seedPolls(db, { file })).toEqual([
      { key: "left-web3", action: "unchanged", optionsAdded: 0 },
      { key: "generation", action: "unchanged", optionsAdded: 0 },
    ]);
    expect(await snapshot()).toEqual(edited);
    expect(await db.poll.findUniqueOrThrow({ where: { id: left.id }, select: { resultsVisibility: true, allowChange: true } })).toEqual({
      resultsVisibility: "AFTER_VOTING",
      allowChange: false,
    });
    expect(await db.ballot.count({ where: { pollId: left.id } })).toBe(1);
    expect((await countsOf(db, left.id)).stored).toEqual({ voters: 1, options: [0, 1, 0, 0] });
  });

  it("creates a poll added to the file later, after the others", async () => {
    await seedPolls(db, { file });
    await editPolls((data) => {
      data.polls.push({ ...data.polls[1]!, key: "new-poll", question: { zh: "新问题", en: "New question" } });
    });
    expect((await seedPolls(db, { file })).map((p) => [p.key, p.action])).toEqual([
      ["left-web3", "unchanged"],
      ["generation", "unchanged"],
      ["new-poll", "created"],
    ]);
    expect((await db.poll.findFirstOrThrow({ where: { key: "new-poll" }, select: { position: true } })).position).toBe(2);
  });

  it("keeps an option removed from the file (deleting it would delete ballots)", async () => {
    await seedPolls(db, { file });
    await editPolls((data) => void data.polls[1]!.options.pop());
    await seedPolls(db, { file });
    const generation = (await snapshot()).find((p) => p.key === "generation")!;
    expect(generation.options).toHaveLength(5);
  });

  it.each([
    ["an unknown essay", (d: PollsJson) => void (d.essay = "no-such-essay"), /no essay with slug "no-such-essay"/],
    ["a poll with one option", (d: PollsJson) => void d.polls[0]!.options.splice(1), /polls\.0\.options/],
    ["a poll with 13 options", (d: PollsJson) => void d.polls[0]!.options.push(...Array.from({ length: 9 }, (_, i) => ({ key: `o${i}`, label: { zh: "x", en: "x" } }))), /polls\.0\.options/],
    ["two options with one key", (d: PollsJson) => void (d.polls[0]!.options[1]!.key = d.polls[0]!.options[0]!.key), /option keys must be unique/],
    ["two polls with one key", (d: PollsJson) => void (d.polls[1]!.key = d.polls[0]!.key), /poll keys must be unique/],
    ["an empty question", (d: PollsJson) => void (d.polls[0]!.question.zh = " "), /question\.zh/],
  ])("refuses %s and writes nothing", async (_name, edit, message) => {
    await editPolls(edit);
    const error = await seedPolls(db, { file }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ContentError);
    expect((error as Error).message).toMatch(message);
    expect(await db.poll.count()).toBe(0);
  });
});
