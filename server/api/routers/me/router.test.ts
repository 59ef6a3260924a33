/**
 * me.get and me.update through a caller on a fresh database. Errors are also run through the
 * app's error formatter, to check the message a reader gets (in their language, field by field).
 */
import { beforeEach, describe, expect, it } from "vitest";
import { useTestDatabase } from "@/server/test/database.ts";
import { createTestCaller } from "@/server/test/caller.ts";
import { refusal } from "@/server/test/refusal.ts";
import type { SessionUser } from "@/server/auth/session-user.ts";
import type { AppLocale } from "@/server/i18n/locales.ts";

const database = useTestDatabase();
let reader: SessionUser;

beforeEach(async () => {
  const email = `reader-${Math.random().toString(36).slice(2)}@example.com`;
  const created = await database().db.user.create({
    data: { email, name: "Original", locale: "zh" },
    select: { id: true, name: true, email: true, role: true, locale: true },
  });
  reader = created;
});

function callerFor(user: SessionUser | null, locale: AppLocale = "zh") {
  return createTestCaller({ db: database().db, user, locale });
}

async function storedName(): Promise<string | null> {
  return (await database().db.user.findUniqueOrThrow({ where: { id: reader.id }, select: { name: true } })).name;
}

describe("me.get", () => {
  it("is null for a signed-out reader", async () => {
    expect(await callerFor(null).me.get()).toBeNull();
  });

  it("returns the signed-in reader, without internals", async () => {
    const me = await callerFor(reader).me.get();
    expect(me).toEqual({ id: reader.id, name: "Original", email: reader.email, role: "USER", locale: "zh", showPollBadge: false });
  });
});

describe("me.update", () => {
  it("refuses a signed-out reader with UNAUTHORIZED and 'please sign in'", async () => {
    const zh = await refusal(() => callerFor(null).me.update({ name: "Someone" }));
    expect(zh.code).toBe("UNAUTHORIZED");
    expect(zh.data.httpStatus).toBe(401);
    expect(zh.message).toBe("请先登录。");
    const en = await refusal(() => callerFor(null, "en").me.update({ name: "Someone" }), "en");
    expect(en.message).toBe("Please sign in first.");
  });

  it.each([
    ["a Latin name", "Lin", "Lin"],
    ["a Chinese name", "读者小林", "读者小林"],
    ["two CJK characters, the shortest allowed", "小林", "小林"],
    ["mixed scripts with a space", "林 Lin", "林 Lin"],
    ["32 CJK characters, the longest allowed", "退".repeat(32), "退".repeat(32)],
    ["surrounding spaces, trimmed", "  Anna  ", "Anna"],
    ["emoji counted as one character each", "🙂🙂", "🙂🙂"],
    ["a decomposed accent, normalised to NFC", "Zoe\u0301", "Zoé"],
  ])("stores %s", async (_label, input, stored) => {
    const me = await callerFor(reader).me.update({ name: input });
    expect(me?.name).toBe(stored);
    expect(await storedName()).toBe(stored);
    expect((await callerFor({ ...reader, name: stored }).me.get())?.name).toBe(stored);
  });

  it.each([
    ["empty", "", "昵称至少需要 2 个字符。", "A display name needs at least 2 characters."],
    ["only spaces", "    ", "昵称至少需要 2 个字符。", "A display name needs at least 2 characters."],
    ["one character", "林", "昵称至少需要 2 个字符。", "A display name needs at least 2 characters."],
    ["33 characters", "退".repeat(33), "昵称最多 32 个字符。", "A display name can have at most 32 characters."],
    ["a control character", "Li\u0007n", "昵称不能包含控制字符或零宽字符。", "A display name cannot contain control or zero-width characters."],
    ["a newline", "Li\nn", "昵称不能包含控制字符或零宽字符。", "A display name cannot contain control or zero-width characters."],
    ["a zero-width space", "Li\u200Bn", "昵称不能包含控制字符或零宽字符。", "A display name cannot contain control or zero-width characters."],
    ["only zero-width joiners", "\u200D\u200D\u200D", "昵称不能包含控制字符或零宽字符。", "A display name cannot contain control or zero-width characters."],
    ["a byte-order mark", "\uFEFFLin", "昵称不能包含控制字符或零宽字符。", "A display name cannot contain control or zero-width characters."],
    ["a right-to-left override", "Lin\u202Egnp.exe", "昵称不能包含控制字符或零宽字符。", "A display name cannot contain control or zero-width characters."],
  ])("refuses a name that is %s, in the reader's language, and stores nothing", async (_label, input, zh, en) => {
    const inZh = await refusal(() => callerFor(reader).me.update({ name: input }));
    expect(inZh.code).toBe("BAD_REQUEST");
    expect(inZh.data.httpStatus).toBe(400);
    expect(inZh.message).toBe(zh);
    expect(inZh.data.fieldErrors).toEqual({ name: zh });

    const inEn = await refusal(() => callerFor(reader, "en").me.update({ name: input }), "en");
    expect(inEn.message).toBe(en);

    expect(await storedName()).toBe("Original");
  });

  it("refuses a name that is not text", async () => {
    const result = await refusal(() => callerFor(reader).me.update({ name: 42 as unknown as string }));
    expect(result.code).toBe("BAD_REQUEST");
    expect(await storedName()).toBe("Original");
  });

  it("sets the interface language, and refuses one that does not exist", async () => {
    expect((await callerFor(reader).me.update({ locale: "en" }))?.locale).toBe("en");
    const refused = await refusal(() => callerFor(reader, "en").me.update({ locale: "fr" as "en" }), "en");
    expect(refused.message).toBe("That interface language is not supported.");
    expect((await database().db.user.findUniqueOrThrow({ where: { id: reader.id } })).locale).toBe("en");
  });

  it("refuses fields it does not know (no writing one's own role)", async () => {
    const result = await refusal(() => callerFor(reader).me.update({ role: "ADMIN" } as never));
    expect(result.code).toBe("BAD_REQUEST");
    expect((await database().db.user.findUniqueOrThrow({ where: { id: reader.id } })).role).toBe("USER");
  });

  it("turns the poll badge on and off, off by default, and keeps the other settings", async () => {
    expect((await callerFor(reader).me.get())?.showPollBadge).toBe(false);
    expect(await callerFor(reader).me.update({ showPollBadge: true })).toMatchObject({ showPollBadge: true, name: "Original", locale: "zh" });
    expect((await callerFor(reader).me.get())?.showPollBadge).toBe(true);
    expect((await callerFor(reader).me.update({ showPollBadge: false }))?.showPollBadge).toBe(false);
    expect((await database().db.user.findUniqueOrThrow({ where: { id: reader.id } })).showPollBadge).toBe(false);
  });

  it("refuses a poll badge setting that is not true or false", async () => {
    const result = await refusal(() => callerFor(reader).me.update({ showPollBadge: "yes" as unknown as boolean }));
    expect(result.code).toBe("BAD_REQUEST");
    expect((await database().db.user.findUniqueOrThrow({ where: { id: reader.id } })).showPollBadge).toBe(false);
  });

  it("changes nothing when both fields are left out", async () => {
    const me = await callerFor(reader).me.update({});
    expect(me).toMatchObject({ name: "Original", locale: "zh" });
  });
});
