import { beforeEach, describe, expect, it } from "vitest";
import { addToOutbox, clearOutbox, listOutbox, outboxCapacity } from "./dev-outbox.ts";

const message = (n: number) => ({ to: `r${n}@example.com`, subject: "s", text: "t", html: "h", url: `http://localhost/${n}` });

describe("the dev outbox", () => {
  beforeEach(clearOutbox);

  it("lists the newest first and keeps only the last 50", () => {
    for (let i = 1; i <= outboxCapacity + 5; i++) addToOutbox(message(i));
    const listed = listOutbox();
    expect(listed).toHaveLength(50);
    expect(listed[0]?.to).toBe("r55@example.com");
    expect(listed.at(-1)?.to).toBe("r6@example.com");
  });

  it("hands out a copy that cannot change the outbox", () => {
    addToOutbox(message(1));
    listOutbox().length = 0;
    expect(listOutbox()).toHaveLength(1);
  });
});
