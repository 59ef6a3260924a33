/**
 * A refusal of one field reaches the reader the way tRPC's own input errors do: translated, under
 * that field (the shared error formatter in server/api/trpc.ts), with nothing else of the cause.
 */
import { expect, it } from "vitest";
import { refusal } from "@/server/test/refusal.ts";
import { fieldRefusal } from "./refusals.ts";

it("puts a field refusal's translated message under its field, in both languages", async () => {
  const refuse = () => Promise.reject(fieldRefusal(["options", 1, "key"], "moderation.polls.keyTaken"));
  const zh = await refusal(refuse, "zh");
  const en = await refusal(refuse, "en");
  expect(zh.code).toBe("BAD_REQUEST");
  expect(zh.data.httpStatus).toBe(400);
  expect(zh.data.fieldErrors).toEqual({ "options.1.key": "这篇文章已经有一个同样标识的投票。" });
  expect(zh.message).toBe("这篇文章已经有一个同样标识的投票。");
  expect(en.data.fieldErrors).toEqual({ "options.1.key": "This essay already has a poll with that key." });
  expect(en.message).toBe("This essay already has a poll with that key.");
});
