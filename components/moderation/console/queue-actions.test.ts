import { describe, expect, it } from "vitest";
import { allowedActions, likelyRejectionReason } from "./queue-actions.ts";

type Report = Parameters<typeof likelyRejectionReason>[0]["reports"][number];
const report = (reason: Report["reason"], weight = 1, status: Report["status"] = "open"): Report => ({
  id: `${reason}-${weight}`,
  reason,
  text: null,
  weight,
  status,
  reporter: null,
  createdAt: new Date(0),
});
const item = (status: "visible" | "held" | "removed" | "deleted", reports: Report[] = [], featuredAt: Date | null = null) =>
  ({ comment: { status, featuredAt }, reports }) as unknown as Parameters<typeof allowedActions>[0];

describe("allowedActions", () => {
  it("offers what each state allows", () => {
    expect(allowedActions(item("held"))).toEqual(["approve", "reject"]);
    expect(allowedActions(item("removed"))).toEqual(["restore"]);
    expect(allowedActions(item("deleted"))).toEqual([]);
    expect(allowedActions(item("visible"))).toEqual(["reject", "feature"]);
    expect(allowedActions(item("visible", [report("spam")], new Date()))).toEqual(["approve", "reject", "unfeature"]);
    // Reports already decided leave nothing to approve.
    expect(allowedActions(item("visible", [report("spam", 1, "dismissed")]))).toEqual(["reject", "feature"]);
  });
});

describe("likelyRejectionReason", () => {
  it("takes the reason most open reports give, the heavier on a tie", () => {
    expect(likelyRejectionReason({ reports: [] })).toBeNull();
    expect(likelyRejectionReason({ reports: [report("spam"), report("hate", 0.5), report("hate", 0.5)] })).toBe("hate");
    expect(likelyRejectionReason({ reports: [report("spam", 0.5), report("harassment", 1)] })).toBe("harassment");
    expect(likelyRejectionReason({ reports: [report("spam", 1, "dismissed"), report("other", 0.5)] })).toBe("other");
  });
});
