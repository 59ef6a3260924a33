/**
 * The comments issue's benchmarks (issue 4, "Performance"), wired: the seed, then the reads
 * (measured before any write, on the seeded data), then the writes and the live updates.
 */
import type { Db } from "@/server/db/client.ts";
import { storedParagraphs } from "@/server/essay/key-blocks.ts";
import { seedBenchUsers } from "../lib/accounts.ts";
import type { BenchOptions } from "../lib/options.ts";
import type { BenchSuite } from "../lib/suite.ts";
import type { EssayFacts } from "../targets.ts";
import { createLoad } from "./create-load.ts";
import { fixtureGetter, type CommentsFixture } from "./fixture.ts";
import { liveDelivery } from "./live-delivery.ts";
import { essayPageWithComments, firstPageTarget, signedInFirstPageTarget } from "./reads.ts";
import { commentId, copyEssay, dropWorkTables, seedCommentSection, writeWorkTables } from "./seed.ts";
import { voteLoad } from "./vote-load.ts";

/** The sizes; `--scale` multiplies them. */
export const commentsSizes = { comments: 100_000, smallComments: 10_000, votes: 1_000_000, readers: 20_000 } as const;
const voteTargetCount = 100;

const count = (value: number, scale: number, minimum: number) => Math.max(minimum, Math.round(value * scale));

async function seedComments(db: Db, essay: EssayFacts, scale: number): Promise<CommentsFixture> {
  const readers = { prefix: "bu_", count: count(commentsSizes.readers, scale, 50) };
  const creators = { prefix: "bcc_", count: 100 };
  const voters = { prefix: "bcv_", count: 1000 };
  const livePoster = { prefix: "bcl_", count: 1 };
  await seedBenchUsers(db, { ...readers, signedIn: false });
  for (const accounts of [creators, voters, livePoster]) await seedBenchUsers(db, { ...accounts, signedIn: true });

  const mainEssay = await db.essay.findUniqueOrThrow({ where: { slug: essay.slug }, select: { id: true, blocks: true } });
  const smallSlug = "bench-10k-comments";
  const smallEssayId = await copyEssay(db, essay.slug, smallSlug);
  await writeWorkTables(db, mainEssay.id);
  try {
    const mainCount = count(commentsSizes.comments, scale, 200);
    const smallCount = count(commentsSizes.smallComments, scale, 200);
    const mainVotes = count(commentsSizes.votes, scale, 1000);
    const { tree: main } = await seedCommentSection(db, {
      essayId: mainEssay.id,
      slug: essay.slug,
      prefix: "bc_",
      count: mainCount,
      authors: readers,
      voters: readers,
      votes: mainVotes,
    });
    // The same density on the small section: votes per comment as on the large one.
    const { tree: small } = await seedCommentSection(db, {
      essayId: smallEssayId,
      slug: smallSlug,
      prefix: "bcs_",
      count: smallCount,
      authors: readers,
      voters: readers,
      votes: Math.round((mainVotes * smallCount) / mainCount),
    });

    // The newest top-level comments: those on the first Newest page, where readers vote most.
    const targetIds = Array.from({ length: voteTargetCount }, (_, i) => commentId(main, main.topLevel - i));
    const scores = await db.comment.findMany({ where: { id: { in: targetIds } }, select: { id: true, score: true } });
    const scoreOf = new Map(scores.map((row) => [row.id, row.score]));
    return {
      main,
      small,
      paragraphKeys: storedParagraphs(mainEssay.blocks).map((p) => p.key),
      creators,
      voters,
      livePoster,
      voteTargets: targetIds.map((id) => ({ id, seededScore: scoreOf.get(id) ?? 0 })),
    };
  } finally {
    await dropWorkTables(db);
  }
}

export function commentsSuite(options: BenchOptions, essay: EssayFacts): BenchSuite {
  const holder: { fixture: CommentsFixture | null } = { fixture: null };
  const fixture = fixtureGetter(holder);
  const main = () => fixture().main;
  const small = () => fixture().small;
  const mainSize = count(commentsSizes.comments, options.scale, 200).toLocaleString("en-US");
  const smallSize = count(commentsSizes.smallComments, options.scale, 200).toLocaleString("en-US");
  return {
    group: "comments",
    seed: {
      label: "comments",
      async run(db) {
        holder.fixture = await seedComments(db, essay, options.scale);
        const votes = await db.commentVote.count();
        return (
          `comments seed: ${holder.fixture.main.count.toLocaleString("en-US")} comments on the essay and ` +
          `${holder.fixture.small.count.toLocaleString("en-US")} on a copy (30% replies, depth up to 8), ` +
          `${votes.toLocaleString("en-US")} votes; score, replyCount and rank computed from them.`
        );
      },
    },
    items: [
      firstPageTarget(main, "top", mainSize),
      firstPageTarget(main, "newest", mainSize),
      firstPageTarget(small, "top", smallSize),
      firstPageTarget(small, "newest", smallSize),
      signedInFirstPageTarget(main, () => fixture().voters, mainSize),
      essayPageWithComments(main),
      createLoad(fixture),
      voteLoad(fixture),
      liveDelivery(fixture),
    ],
  };
}
