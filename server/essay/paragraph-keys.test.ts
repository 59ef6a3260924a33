import { describe, expect, it } from "vitest";
import { bigramDice, keyLength, reconcileParagraphKeys, similarityThreshold, textKey, type KeyedText } from "./paragraph-keys.ts";

const essay = [
  "这种低能量和茫然的状态在我身上并不是第一次出现,2025 年以来,我多次感到这样的情绪弥漫全身。",
  "这样说的人显然不懂 Web 3。我们这个行业应该是班味最不浓的行业——高于同龄人的薪资水平、远程办公的自由。",
  "如果以 5 年为职场代际划分,在“05 后”已经开始在 Web 3 职场崭露头角的今天,02 年生的我也算是第一批“00 后”Web 3 打工人。",
  "2021 年在学校开始接触 Web 3,2023 年正式系统性学习 Web 3 行业知识并且以实习生身份进入职场。",
  "然而,现实却告诉我,这个行业只向“钱”看。",
];

/** The stored state after a seed: the texts with the keys they were given. */
function seed(texts: string[], previous: KeyedText[] = []): KeyedText[] {
  const { keys } = reconcileParagraphKeys(texts, previous);
  return texts.map((text, i) => ({ key: keys[i]!, text }));
}

function keyOf(state: KeyedText[], text: string): string | undefined {
  return state.find((p) => p.text === text)?.key;
}

describe("paragraph keys", () => {
  it("are short base-36 keys derived from the text at the first seed", () => {
    const state = seed(essay);
    for (const { key } of state) expect(key).toMatch(new RegExp(`^[0-9a-z]{${keyLength}}$`));
    expect(new Set(state.map((p) => p.key)).size).toBe(essay.length);
    // Deterministic: a fresh database seeded from the same file gives the same links.
    expect(seed(essay)).toEqual(state);
    expect(state[0]!.key).toBe(textKey(essay[0]!));
  });

  it("keep every key when a paragraph is inserted before them", () => {
    const before = seed(essay);
    const inserted = "庆幸的是,会后主编真的在解决我的问题,而不是解决我。";
    const after = seed([essay[0]!, inserted, ...essay.slice(1)], before);
    for (const p of before) expect(keyOf(after, p.text)).toBe(p.key);
    expect(keyOf(after, inserted)).not.toBeUndefined();
    expect(before.map((p) => p.key)).not.toContain(keyOf(after, inserted));
  });

  it("keep the other keys when a paragraph is deleted", () => {
    const before = seed(essay);
    const after = seed([...essay.slice(0, 2), ...essay.slice(3)], before);
    expect(after.map((p) => p.key)).toEqual([before[0]!.key, before[1]!.key, before[3]!.key, before[4]!.key]);
  });

  it("keep the neighbours' keys when one paragraph is rewritten, and give the rewrite a new key", () => {
    const before = seed(essay);
    const rewritten = "记者当然是一个观察、学习 Web 3 的好角色,我们每天输入海量的原始、一手行业信息。";
    const result = reconcileParagraphKeys([essay[0]!, essay[1]!, rewritten, essay[3]!, essay[4]!], before);
    expect(result.keys.filter((_, i) => i !== 2)).toEqual(before.filter((_, i) => i !== 2).map((p) => p.key));
    expect(before.map((p) => p.key)).not.toContain(result.keys[2]);
    expect(result).toMatchObject({ unchanged: 4, edited: 0, added: 1, removed: 1 });
  });

  it("keep a paragraph's key through a typo fix", () => {
    const before = seed(essay);
    const fixed = essay[2]!.replace("崭露头角", "崭露頭角").replace("02 年生", "2002 年生");
    const result = reconcileParagraphKeys([...essay.slice(0, 2), fixed, ...essay.slice(3)], before);
    expect(result.keys).toEqual(before.map((p) => p.key));
    expect(result).toMatchObject({ unchanged: 4, edited: 1, added: 0, removed: 0 });
  });

  it("keep keys through a typo fix, an insertion and a deletion in one edit", () => {
    const before = seed(essay);
    const fixed = essay[1]!.replace("班味最不浓", "班味最淡");
    const added = "由此,我对 Web 3 的认识从“这是一个能使世界变得更好的行业”变为“这不过是一个来钱相对较快的行业”。";
    const after = seed([added, essay[0]!, fixed, essay[3]!, essay[4]!], before);
    expect(keyOf(after, essay[0]!)).toBe(before[0]!.key);
    expect(keyOf(after, fixed)).toBe(before[1]!.key);
    expect(keyOf(after, essay[3]!)).toBe(before[3]!.key);
    expect(keyOf(after, essay[4]!)).toBe(before[4]!.key);
    expect(before.map((p) => p.key)).not.toContain(keyOf(after, added));
  });

  it("keep keys when paragraphs move", () => {
    const before = seed(essay);
    const after = seed([essay[4]!, ...essay.slice(0, 4)], before);
    for (const p of before) expect(keyOf(after, p.text)).toBe(p.key);
  });

  it("keep duplicate paragraphs distinct, and stable across re-seeds", () => {
    const texts = ["我不想工作了。", essay[0]!, "我不想工作了。", essay[1]!];
    const first = seed(texts);
    expect(first[0]!.key).not.toBe(first[2]!.key);
    expect(new Set(first.map((p) => p.key)).size).toBe(4);
    expect(seed(texts, first)).toEqual(first);
    // Deleting the first copy: the second copy keeps its own key (the nearer one), not the first's.
    const after = seed(texts.slice(1), first);
    expect(after.map((p) => p.key)).toEqual([first[1]!.key, first[2]!.key, first[3]!.key]);
  });

  it("never give a removed paragraph's key to a different new paragraph", () => {
    const before = seed(essay);
    const withoutFirst = seed(essay.slice(1), before);
    const removedKey = before[0]!.key;
    const newcomer = "以上的交谈都发生在我从昆明游玩回来的前后。";
    const after = seed([newcomer, ...essay.slice(1)], withoutFirst.concat({ key: removedKey, text: before[0]!.text }));
    expect(keyOf(after, newcomer)).not.toBe(removedKey);
  });

  it("match an edited paragraph to the nearest of two similar old paragraphs", () => {
    const refrain = "钱或许是一个很大的因素,但无获得感才是真正的原因,我这样想了很久很久。";
    const before = seed([refrain, ...essay, refrain]);
    const edited = refrain.replace("很久很久", "很久");
    // The last copy was edited; the first stays: the edit keeps the last copy's key.
    const after = reconcileParagraphKeys([refrain, ...essay, edited], before);
    expect(after.keys).toEqual(before.map((p) => p.key));
  });

  it("score similarity with the Dice coefficient of character bigrams", () => {
    expect(bigramDice("钱才是目的", "钱才是目的")).toBe(1);
    expect(bigramDice("钱才是目的", "完全不同的话")).toBeLessThan(similarityThreshold);
    expect(bigramDice(essay[0]!, essay[0]!.replace("茫然", "迷茫"))).toBeGreaterThan(0.9);
    expect(bigramDice("a", "a")).toBe(1);
  });
});
