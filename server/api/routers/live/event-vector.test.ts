import { describe, expect, it } from "vitest";
import { decodeEventVector, encodeEventVector, type EventVector } from "./event-vector.ts";

const vector = ({ polls, ...parts }: Omit<Partial<EventVector>, "polls"> & { polls?: [string, string][] }): EventVector => ({
  ...parts,
  polls: new Map(polls ?? []),
});

describe("the live.page resume vector", () => {
  it("round-trips, with polls in a stable order", () => {
    const original = vector({ comments: "123", notifications: "9", polls: [["cmz2", "456"], ["cma1", "7"]] });
    const text = encodeEventVector(original);
    expect(text).toBe("c:123;n:9;p:cma1:7;p:cmz2:456");
    expect(decodeEventVector(text)).toEqual(original);
    expect(encodeEventVector(vector({}))).toBe("");
    expect(decodeEventVector(encodeEventVector(vector({ polls: [["p_1-x", "1"]] })))).toEqual(vector({ polls: [["p_1-x", "1"]] }));
  });

  it("keeps what it can read of a hostile vector and starts the rest from now", () => {
    expect(decodeEventVector(null)).toEqual(vector({}));
    expect(decodeEventVector("garbage")).toEqual(vector({}));
    expect(decodeEventVector("c:12; DROP TABLE;n:x;p:ok:5")).toEqual(vector({ comments: "12", polls: [["ok", "5"]] }));
    expect(decodeEventVector("c:-1;n:1e5;p:a:b:3;p::4;p:a;b:5")).toEqual(vector({}));
    // Beyond PostgreSQL's bigint, or more than 19 digits: unreadable.
    expect(decodeEventVector("c:9223372036854775808;n:12345678901234567890")).toEqual(vector({}));
    expect(decodeEventVector("c:9223372036854775807")).toEqual(vector({ comments: "9223372036854775807" }));
    expect(decodeEventVector(`p:${"x".repeat(65)}:1;p:ünï:2;c:0012`)).toEqual(vector({ comments: "12" }));
    expect(decodeEventVector("c:1:2;n:3;;;")).toEqual(vector({ notifications: "3" }));
  });
});
