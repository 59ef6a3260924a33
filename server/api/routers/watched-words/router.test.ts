/**
 * watchedWords.*: admins only (readers and moderators are refused and nothing changes); every
 * change is audited and reaches the pipeline at once; imports are all or nothing; the limits hold;
 * "try a sentence" finds a Chinese term mid-sentence at its exact span.
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "@/server/auth/session-user.ts";
import type { Db } from "@/server/db/client.ts";
import { createCommentEssay } from "@/server/comments/testing/comment-fixture.ts";
import { post, readerAged, setWatchedTerms } from "@/server/moderation/testing/moderation-fixture.ts";
import { watchListLimits } from "@/server/moderation/watched-words/index.ts";
import { createTestCaller } from "@/server/test/caller.ts";
import { useTestDatabase } from "@/server/test/database.ts";
import { refusal } from "@/server/test/refusal.ts";
import { staffRouter } from "../staff/router.ts";
import { watchedWordsRouter } from "./router.ts";

const database = useTestDatabase();
let db: Db;
let essay: { id: string; slug: string };
let admin: SessionUser;
beforeAll(async () => {
  db = database().db;
  essay = await createCommentEssay(db);
  admin = await readerAged(db, 100, "ADMIN");
});
const as = (user: SessionUser | null) => createTestCaller({ db, user, locale: "en" });

async function snapshot() {
  const [terms, allow, log] = await Promise.all([
    db.watchedTerm.findMany({ orderBy: { term: "asc" } }),
    db.watchedAllowPhrase.findMany({ orderBy: { phrase: "asc" } }),
    db.moderationLog.count({ where: { targetType: "watchlist" } }),
  ]);
  return { terms, allow, log };
}

describe("authorization", () => {
  it("readers, moderators and visitors are refused every procedure, and nothing changes", async () => {
    await setWatchedTerms(db, [{ term: "办证", action: "HOLD" }], ["白色情人节"]);
    const term = await db.watchedTerm.findFirstOrThrow();
    const phrase = await db.watchedAllowPhrase.findFirstOrThrow();
    const before = await snapshot();
    const [reader, moderator] = await Promise.all([readerAged(db, 30), readerAged(db, 30, "MODERATOR")]);
    for (const [user, code] of [
      [reader, "FORBIDDEN"],
      [moderator, "FORBIDDEN"],
      [null, "UNAUTHORIZED"],
    ] as const) {
      const c = as(user);
      // Typed by the routers' procedures: a new procedure must be added here, or this file fails to compile.
      const watchedWordsCalls: Record<keyof typeof watchedWordsRouter._def.procedures, () => Promise<unknown>> = {
        list: () => c.watchedWords.list(),
        add: () => c.watchedWords.add({ term: "赌博", action: "block", fields: ["body"] }),
        update: () => c.watchedWords.update({ id: term.id, term: "办证", action: "block", fields: ["body"] }),
        remove: () => c.watchedWords.remove({ id: term.id }),
        addAllowPhrase: () => c.watchedWords.addAllowPhrase({ phrase: "办证处" }),
        removeAllowPhrase: () => c.watchedWords.removeAllowPhrase({ id: phrase.id }),
        import: () => c.watchedWords.import({ text: "x\tblock\tbody\n", mode: "replace" }),
        export: () => c.watchedWords.export(),
        try: () => c.watchedWords.try({ text: "我要办证", field: "body" }),
      };
      const staffCalls: Record<keyof typeof staffRouter._def.procedures, () => Promise<unknown>> = {
        list: () => c.staff.list(),
        find: () => c.staff.find({ email: "example" }),
        setRole: () => c.staff.setRole({ userId: reader.id, role: "MODERATOR" }),
      };
      for (const call of [...Object.values(watchedWordsCalls), ...Object.values(staffCalls)]) {
        expect((await refusal(call, "en")).code).toBe(code);
      }
    }
    expect(await snapshot()).toEqual(before);
    expect(await db.user.findUniqueOrThrow({ where: { id: reader.id }, select: { role: true } })).toEqual({ role: "USER" });
  });
});

describe("terms and the allow list", () => {
  it("add, update and remove are audited, and the pipeline sees each change at once", async () => {
    await setWatchedTerms(db, []);
    const author = await readerAged(db, 30);
    // The pipeline compiles the (empty) list now and keeps it.
    expect((await post(db, author, { slug: essay.slug, body: "我想办证，谁有门路？" })).moderation).toBeUndefined();

    const added = await as(admin).watchedWords.add({ term: " 办证 ", action: "hold", fields: ["link", "body", "body"], tag: "spam" });
    expect(added).toMatchObject({ term: "办证", action: "hold", fields: ["body", "link"], tag: "spam" });
    expect((await post(db, author, { slug: essay.slug, body: "我想办证，谁有门路？？" })).moderation).toMatchObject({ state: "held", reason: "watched_word" });

    const updated = await as(admin).watchedWords.update({ id: added.id, term: "办证", action: "block", fields: ["body"], tag: "" });
    expect(updated).toMatchObject({ action: "block", fields: ["body"], tag: null });
    expect((await refusal(() => post(db, author, { slug: essay.slug, body: "还是想办证" }), "en")).code).toBe("BAD_REQUEST");

    await as(admin).watchedWords.remove({ id: added.id });
    expect((await post(db, author, { slug: essay.slug, body: "办证的事算了" })).moderation).toBeUndefined();

    const log = await db.moderationLog.findMany({ where: { targetType: "watchlist", targetId: added.id }, orderBy: { id: "asc" } });
    expect(log.map((e) => [e.actorId, e.action, e.before, e.after, e.ip])).toEqual([
      [admin.id, "watched_term_add", null, { term: "办证", action: "hold", fields: ["body", "link"], tag: "spam" }, "127.0.0.1"],
      [admin.id, "watched_term_update", { term: "办证", action: "hold", fields: ["body", "link"], tag: "spam" }, { term: "办证", action: "block", fields: ["body"], tag: null }, "127.0.0.1"],
      [admin.id, "watched_term_remove", { term: "办证", action: "block", fields: ["body"], tag: null }, null, "127.0.0.1"],
    ]);
  });

  it("refuses with a translated message a term that repeats one already watched in the same place, and bad input", async () => {
    await setWatchedTerms(db, [{ term: "办证", action: "HOLD", fields: ["body"] }]);
    const before = await snapshot();
    expect(await refusal(() => as(admin).watchedWords.add({ term: "辦 證", action: "block", fields: ["body"] }), "en")).toMatchObject({
      code: "CONFLICT",
      message: "This term (ignoring case, script variants and spacing) is already watched in the same place.",
    });
    expect((await refusal(() => as(admin).watchedWords.add({ term: "办证", action: "block", fields: ["displayName"] }), "zh")).message).toBe(
      "这个词已经在列表里了，请直接修改它。",
    );
    expect((await refusal(() => as(admin).watchedWords.add({ term: "!!!", action: "hold", fields: ["body"] }), "en")).data.fieldErrors).toEqual({
      term: "A term needs at least one letter or character (punctuation or spaces alone match nothing).",
    });
    expect((await refusal(() => as(admin).watchedWords.add({ term: "x".repeat(51), action: "hold", fields: [] }), "en")).data.fieldErrors).toMatchObject({
      term: "The term is too long (at most 50 characters).",
      fields: "Choose at least one place to watch.",
    });
    expect((await refusal(() => as(admin).watchedWords.update({ id: "nope", term: "赌博", action: "hold", fields: ["body"] }), "en")).code).toBe("NOT_FOUND");
    expect((await refusal(() => as(admin).watchedWords.remove({ id: "nope" }), "en")).code).toBe("NOT_FOUND");
    expect(await snapshot()).toEqual(before);
    // Disjoint fields: the same key may be watched twice.
    expect(await as(admin).watchedWords.add({ term: "辦證", action: "block", fields: ["displayName"] })).toMatchObject({ term: "辦證" });
  });

  it("allow phrases cancel a match inside them, once each, and are audited", async () => {
    await setWatchedTerms(db, [{ term: "色情", action: "HOLD", fields: ["body"] }]);
    const phrase = await as(admin).watchedWords.addAllowPhrase({ phrase: "白色情人节" });
    expect((await as(admin).watchedWords.try({ text: "白色情人节快乐", field: "body" })).ok && (await as(admin).watchedWords.try({ text: "白色情人节快乐", field: "body" }))).toMatchObject({ matches: [], action: null });
    expect((await refusal(() => as(admin).watchedWords.addAllowPhrase({ phrase: "白色 情人節" }), "en")).code).toBe("CONFLICT");
    expect((await as(admin).watchedWords.list()).allowList).toEqual([{ id: phrase.id, phrase: "白色情人节" }]);
    await as(admin).watchedWords.removeAllowPhrase({ id: phrase.id });
    expect(await as(admin).watchedWords.try({ text: "白色情人节快乐", field: "body" })).toMatchObject({ action: "hold" });
    expect((await db.moderationLog.findMany({ where: { targetId: phrase.id }, orderBy: { id: "asc" } })).map((e) => e.action)).toEqual(["allow_phrase_add", "allow_phrase_remove"]);
    expect((await refusal(() => as(admin).watchedWords.removeAllowPhrase({ id: phrase.id }), "en")).code).toBe("NOT_FOUND");
  });

  it("refuses a term past the limit, counted in the transaction", async () => {
    await setWatchedTerms(db, []);
    // One statement: 10,000 inserts through the client would take most of the test's time.
    await db.$executeRaw`INSERT INTO "WatchedTerm" (id, term, action, fields, "updatedAt")
      SELECT 'filler-' || k, '词' || k, 'FLAG', ARRAY['body'], now() FROM generate_series(1, ${watchListLimits.maxTerms}::int) AS k`;
    const refused = await refusal(() => as(admin).watchedWords.add({ term: "再来一个", action: "hold", fields: ["body"] }), "en");
    expect(refused).toMatchObject({ code: "BAD_REQUEST", message: "A watch list holds at most 10,000 terms." });
    expect(await db.watchedTerm.count()).toBe(watchListLimits.maxTerms);
    const merged = await as(admin).watchedWords.import({ text: "再来一个\thold\tbody\n", mode: "merge" });
    expect(merged).toMatchObject({ ok: false, errors: [{ line: 1, message: "A watch list holds at most 10,000 terms." }] });
    expect(await db.watchedTerm.count()).toBe(watchListLimits.maxTerms);
    await setWatchedTerms(db, []);
  }, 90_000);
});

describe("import and export", () => {
  it("one bad line stores nothing, and every bad line is named with its number", async () => {
    await setWatchedTerms(db, [{ term: "办证", action: "HOLD", fields: ["body"] }]);
    const before = await snapshot();
    const text = ["# 垃圾广告", "代开发票\thold\tbody\tspam", "赌博\tshout\tbody", "", "只有一列", "辦 證\tflag\tbody"].join("\n");
    const result = await as(admin).watchedWords.import({ text, mode: "merge" });
    expect(result).toEqual({
      ok: false,
      message: "3 lines are not valid; nothing was saved. Fix them and import again.",
      errors: [
        { line: 3, message: "Unknown action: use block, hold, flag or censor." },
        { line: 5, message: "Each line is: term, action, fields (comma-separated) and an optional tag, separated by tabs." },
        { line: 6, message: "This term (ignoring case, script variants and spacing) is already watched in the same place." },
      ],
    });
    expect(await snapshot()).toEqual(before);
  });

  it("merge keeps, updates and adds; replace leaves exactly the text; export round-trips; each is audited", async () => {
    await setWatchedTerms(db, [
      { term: "办证", action: "HOLD", fields: ["body"] },
      { term: "赌博", action: "FLAG", fields: ["body"] },
    ]);
    const merged = await as(admin).watchedWords.import({ text: "赌博\tblock\tbody,link\tgambling\n代开发票\thold\tbody\n", mode: "merge" });
    expect(merged).toEqual({ ok: true, added: 1, updated: 1, removed: 0, total: 3 });
    const exported = await as(admin).watchedWords.export();
    expect(exported).toEqual({ count: 3, text: "办证\thold\tbody\t\n赌博\tblock\tbody,link\tgambling\n代开发票\thold\tbody\t\n" });

    const replaced = await as(admin).watchedWords.import({ text: "代开发票\tcensor\tbody\n", mode: "replace" });
    expect(replaced).toEqual({ ok: true, added: 0, updated: 1, removed: 2, total: 1 });
    expect((await as(admin).watchedWords.list()).terms.map((t) => [t.term, t.action])).toEqual([["代开发票", "censor"]]);
    const author = await readerAged(db, 30);
    expect((await post(db, author, { slug: essay.slug, body: "可以代开发票吗" })).bodyHtml).toContain("可以＊＊＊＊吗");

    await as(admin).watchedWords.import({ text: exported.text, mode: "replace" });
    // The same terms (an updated term keeps its place, so the order may differ).
    const lines = (text: string) => text.split("\n").sort();
    expect(lines((await as(admin).watchedWords.export()).text)).toEqual(lines(exported.text));
    const log = await db.moderationLog.findMany({ where: { action: "watchlist_import" }, orderBy: { id: "asc" } });
    expect(log.map((e) => e.after)).toEqual([
      { mode: "merge", added: 1, updated: 1, removed: 0, total: 3 },
      { mode: "replace", added: 0, updated: 1, removed: 2, total: 1 },
      { mode: "replace", added: 2, updated: 1, removed: 0, total: 3 },
    ]);
    expect(log[1]!.before).toEqual({ count: 3, replaced: "代开发票\thold\tbody\t\n办证\thold\tbody\t\n赌博\tblock\tbody,link\tgambling\n" });
  });

  it("refuses one term on two lines (a term is stored once)", async () => {
    await setWatchedTerms(db, []);
    const result = await as(admin).watchedWords.import({ text: "办证\thold\tbody\n办证\tblock\tdisplayName\n", mode: "replace" });
    expect(result).toMatchObject({ ok: false, errors: [{ line: 2, message: "The same term appears twice in the text: put its fields on one line." }] });
    expect(await db.watchedTerm.count()).toBe(0);
  });
});

describe("try a sentence", () => {
  it("finds a Chinese term mid-sentence at its exact span in the original, with the strongest action", async () => {
    await setWatchedTerms(db, [
      { term: "办证", action: "HOLD", fields: ["body"], tag: "spam" },
      { term: "赌博", action: "FLAG", fields: ["body"] },
    ]);
    const text = "朋友说他能辦 證，还说赌博也行。";
    const result = await as(admin).watchedWords.try({ text, field: "body" });
    if (!result.ok) throw new Error("expected matches");
    expect(result.action).toBe("hold");
    expect(result.matches.map((m) => [m.term, m.action, m.tag, m.start, m.end, m.text])).toEqual([
      ["办证", "hold", "spam", 5, 8, "辦 證"],
      ["赌博", "flag", null, 11, 13, "赌博"],
    ]);
    expect(text.slice(5, 8)).toBe("辦 證");
    // Not watched on display names.
    expect(await as(admin).watchedWords.try({ text, field: "displayName" })).toEqual({ ok: true, matches: [], action: null });
  });

  it("tries an unsaved import against the stored list, without storing it", async () => {
    await setWatchedTerms(db, [{ term: "办证", action: "HOLD", fields: ["body"] }]);
    const before = await snapshot();
    const merged = await as(admin).watchedWords.try({ text: "办证和代开发票", field: "body", draft: { text: "代开发票\tblock\tbody\n", mode: "merge" } });
    expect(merged).toMatchObject({ ok: true, action: "block", matches: [{ term: "办证", start: 0, end: 2 }, { term: "代开发票", start: 3, end: 7 }] });
    const replaced = await as(admin).watchedWords.try({ text: "办证和代开发票", field: "body", draft: { text: "代开发票\tflag\tbody\n", mode: "replace" } });
    expect(replaced).toMatchObject({ ok: true, action: "flag", matches: [{ term: "代开发票" }] });
    expect(await as(admin).watchedWords.try({ text: "办证", field: "body", draft: { text: "坏行", mode: "merge" } })).toMatchObject({ ok: false, errors: [{ line: 1 }] });
    expect(await snapshot()).toEqual(before);
    expect((await refusal(() => as(admin).watchedWords.try({ text: "x".repeat(10_001), field: "body" }), "en")).data.fieldErrors).toEqual({
      text: "The sentence to try is too long (at most 10,000 characters).",
    });
  });
});
