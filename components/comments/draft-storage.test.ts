import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { clearDraft, draftKey, readDraft, writeDraft } from "./draft-storage.ts";

describe("draftKey", () => {
  it("keys a draft by essay, parent and paragraph", () => {
    expect(draftKey({ slug: "tuiquan" })).toBe("tuiquan:comment-draft:tuiquan:top:-");
    expect(draftKey({ slug: "tuiquan", parentId: "c1" })).toBe("tuiquan:comment-draft:tuiquan:c1:-");
    expect(draftKey({ slug: "tuiquan", paragraphKey: "p-3" })).toBe("tuiquan:comment-draft:tuiquan:top:p-3");
  });

  it("gives every place its own key", () => {
    const keys = new Set([
      draftKey({ slug: "a" }),
      draftKey({ slug: "b" }),
      draftKey({ slug: "a", parentId: "x" }),
      draftKey({ slug: "a", paragraphKey: "x" }),
      draftKey({ slug: "a", editingId: "x" }),
    ]);
    expect(keys.size).toBe(5);
  });

  it("cannot be confused by separators inside a value", () => {
    expect(draftKey({ slug: "a:b" })).not.toBe(draftKey({ slug: "a", parentId: "b" }));
  });
});

describe("drafts in localStorage", () => {
  const store = new Map<string, string>();
  beforeEach(() => {
    store.clear();
    vi.stubGlobal("window", {
      localStorage: {
        getItem: (key: string) => store.get(key) ?? null,
        setItem: (key: string, value: string) => void store.set(key, value),
        removeItem: (key: string) => void store.delete(key),
      },
    });
  });
  afterEach(() => vi.unstubAllGlobals());

  it("keeps a draft until it is cleared", () => {
    const place = { slug: "tuiquan", parentId: "c1" };
    writeDraft(place, "草稿 draft");
    expect(readDraft(place)).toBe("草稿 draft");
    expect(readDraft({ slug: "tuiquan" })).toBe("");
    clearDraft(place);
    expect(readDraft(place)).toBe("");
    expect(store.size).toBe(0);
  });

  it("removes the draft when the text becomes blank", () => {
    const place = { slug: "tuiquan" };
    writeDraft(place, "x");
    writeDraft(place, "  \n ");
    expect(store.size).toBe(0);
  });

  it("never throws when storage refuses", () => {
    vi.stubGlobal("window", {
      localStorage: {
        getItem: () => {
          throw new Error("denied");
        },
        setItem: () => {
          throw new Error("quota");
        },
        removeItem: () => {
          throw new Error("denied");
        },
      },
    });
    expect(() => writeDraft({ slug: "a" }, "text")).not.toThrow();
    expect(readDraft({ slug: "a" })).toBe("");
  });
});
