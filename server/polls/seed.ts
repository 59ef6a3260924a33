/**
 * Seeds the polls of content/polls.json onto their essay, by stable key (essay, key). Idempotent,
 * and it never reads or writes a ballot.
 *
 * The file is the polls' first version only: a poll missing from the database is created with
 * its options; a poll that exists is left exactly as it is. From then on moderators own it — they
 * edit wording, add options, close and reopen on /moderate/polls (docs/polls.md, "Moderation") —
 * and `npm start`, which seeds on every start, must not undo their work. (An earlier version
 * rewrote the wording from the file on each run, which silently reverted moderators' edits.)
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import { z } from "zod";
import type { Db } from "@/server/db/client.ts";
import { ContentError } from "@/server/essay/content-error.ts";
import { defaultContentDir } from "@/server/essay/seed.ts";
import { pollOptionLimits } from "./rules.ts";

const keySchema = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/).max(64);
const textSchema = z.object({ zh: z.string().trim().min(1).max(300), en: z.string().trim().min(1).max(300) }).strict();

const pollFileSchema = z
  .object({
    essay: z.string().min(1),
    polls: z.array(
      z
        .object({
          key: keySchema,
          question: textSchema,
          kind: z.enum(["SINGLE", "MULTIPLE"]),
          maxChoices: z.number().int().min(1),
          resultsVisibility: z.enum(["ALWAYS", "AFTER_VOTING", "AFTER_CLOSING", "MODERATORS"]),
          allowChange: z.boolean(),
          placements: z.array(keySchema),
          options: z
            .array(z.object({ key: keySchema, label: textSchema }).strict())
            .min(pollOptionLimits.min)
            .max(pollOptionLimits.max),
        })
        .strict()
        .refine((poll) => (poll.kind === "SINGLE" ? poll.maxChoices === 1 : poll.maxChoices <= poll.options.length), {
          message: "maxChoices must be 1 for a single-choice poll and at most the number of options otherwise",
        })
        .refine((poll) => new Set(poll.options.map((o) => o.key)).size === poll.options.length, {
          message: "option keys must be unique within a poll",
        }),
    ),
  })
  .strict()
  .refine((file) => new Set(file.polls.map((p) => p.key)).size === file.polls.length, { message: "poll keys must be unique" });

type PollFile = z.infer<typeof pollFileSchema>;
type SeedPoll = PollFile["polls"][number];

export const defaultPollsFile = path.join(defaultContentDir, "polls.json");

export interface SeededPoll {
  key: string;
  action: "created" | "unchanged";
  optionsAdded: number;
}

export async function seedPolls(db: Db, { file = defaultPollsFile }: { file?: string } = {}): Promise<SeededPoll[]> {
  const data = await readPollFile(file);
  const essay = await db.essay.findUnique({ where: { slug: data.essay }, select: { id: true } });
  if (!essay) throw new ContentError(file, null, `no essay with slug "${data.essay}" (seed the essays first)`);
  const seeded: SeededPoll[] = [];
  for (const [position, poll] of data.polls.entries()) seeded.push(await writePoll(db, essay.id, poll, position));
  return seeded;
}

async function readPollFile(file: string): Promise<PollFile> {
  let raw: unknown;
  try {
    raw = JSON.parse(await readFile(file, "utf8"));
  } catch (error) {
    throw new ContentError(file, null, `cannot read the polls: ${(error as Error).message}`);
  }
  const parsed = pollFileSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ContentError(file, null, `${issue?.path.join(".") || "file"}: ${issue?.message ?? "invalid"}`);
  }
  return parsed.data;
}

async function writePoll(db: Db, essayId: string, poll: SeedPoll, position: number): Promise<SeededPoll> {
  const stored = await db.poll.findUnique({ where: { essayId_key: { essayId, key: poll.key } }, select: { id: true } });
  if (stored) return { key: poll.key, action: "unchanged", optionsAdded: 0 };
  try {
    await db.poll.create({
      data: {
        essayId,
        key: poll.key,
        questionZh: poll.question.zh,
        questionEn: poll.question.en,
        placements: poll.placements,
        position,
        kind: poll.kind,
        maxChoices: poll.maxChoices,
        resultsVisibility: poll.resultsVisibility,
        allowChange: poll.allowChange,
        options: {
          create: poll.options.map((o, i) => ({ key: o.key, labelZh: o.label.zh, labelEn: o.label.en, position: i })),
        },
      },
      select: { id: true },
    });
  } catch (error) {
    // Another process seeded it between the read and the write (the (essayId, key) unique constraint).
    if ((error as { code?: unknown }).code === "P2002") return { key: poll.key, action: "unchanged", optionsAdded: 0 };
    throw error;
  }
  return { key: poll.key, action: "created", optionsAdded: poll.options.length };
}
