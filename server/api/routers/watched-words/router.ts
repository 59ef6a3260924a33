/**
 * watchedWords.*: the watch list's administration (docs/watched-words-admin.md), ADMIN only.
 * Wiring only: each change is locked, bounded, audited and announced in its handler module.
 */
import { adminProcedure, createTRPCRouter, type Context } from "@/server/api/trpc.ts";
import type { SessionUser } from "@/server/auth/session-user.ts";
import { watchListLimits } from "@/server/moderation/watched-words/index.ts";
import { addAllowPhrase, removeAllowPhrase } from "./allow-list.ts";
import { addTerm, removeTerm, updateTerm, type Actor } from "./change-terms.ts";
import { exportWatchList, importWatchList } from "./import-list.ts";
import {
  addAllowPhraseInput,
  addTermInput,
  exportOutput,
  importInput,
  importOutput,
  listOutput,
  removedOutput,
  termIdInput,
  termViewSchema,
  allowPhraseViewSchema,
  tryInput,
  tryOutput,
  updateTermInput,
} from "./schemas.ts";
import { trySentence } from "./try-sentence.ts";
import { termSelect, toTermView } from "./watch-list-store.ts";

const actor = (ctx: Context & { user: SessionUser }): Actor => ({ actorId: ctx.user.id, request: ctx.request });

export const watchedWordsRouter = createTRPCRouter({
  /** Every term (oldest first) and allow phrase, with the limits. */
  list: adminProcedure.output(listOutput).query(async ({ ctx }) => {
    const [terms, allowList] = await Promise.all([
      ctx.db.watchedTerm.findMany({ select: termSelect, orderBy: { createdAt: "asc" } }),
      ctx.db.watchedAllowPhrase.findMany({ select: { id: true, phrase: true }, orderBy: { createdAt: "asc" } }),
    ]);
    return {
      terms: terms.map(toTermView),
      allowList,
      limits: { maxTerms: watchListLimits.maxTerms, maxAllowPhrases: watchListLimits.maxAllowPhrases },
    };
  }),

  add: adminProcedure
    .input(addTermInput)
    .output(termViewSchema)
    .mutation(({ ctx, input }) => addTerm(ctx.db, input, actor(ctx))),

  update: adminProcedure
    .input(updateTermInput)
    .output(termViewSchema)
    .mutation(({ ctx, input: { id, ...term } }) => updateTerm(ctx.db, id, term, actor(ctx))),

  remove: adminProcedure
    .input(termIdInput)
    .output(removedOutput)
    .mutation(({ ctx, input }) => removeTerm(ctx.db, input.id, actor(ctx))),

  addAllowPhrase: adminProcedure
    .input(addAllowPhraseInput)
    .output(allowPhraseViewSchema)
    .mutation(({ ctx, input }) => addAllowPhrase(ctx.db, input.phrase, actor(ctx))),

  removeAllowPhrase: adminProcedure
    .input(termIdInput)
    .output(removedOutput)
    .mutation(({ ctx, input }) => removeAllowPhrase(ctx.db, input.id, actor(ctx))),

  /** A whole list as text, merged into or replacing the stored terms; any bad line stores nothing. */
  import: adminProcedure
    .input(importInput)
    .output(importOutput)
    .mutation(({ ctx, input }) => importWatchList(ctx.db, input, { ...actor(ctx), locale: ctx.locale })),

  export: adminProcedure.output(exportOutput).query(({ ctx }) => exportWatchList(ctx.db)),

  /**
   * "Try a sentence": the matches (offsets into the text) and the action the pipeline would take.
   * A mutation though it changes nothing: a 10,000-character sentence does not fit in a GET URL.
   */
  try: adminProcedure
    .input(tryInput)
    .output(tryOutput)
    .mutation(({ ctx, input }) => trySentence(ctx.db, input, ctx.locale)),
});
