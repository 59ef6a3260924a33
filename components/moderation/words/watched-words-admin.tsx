"use client";
/**
 * /moderate/words, the client part: the terms, the allow list, "try a sentence", import and export.
 * The first list comes from the server page; each change refetches it.
 */
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTRPC } from "@/components/providers/trpc.ts";
import type { listOutput } from "@/server/api/routers/watched-words/schemas.ts";
import type { z } from "zod";
import { AllowList } from "./allow-list.tsx";
import { ImportExport, type ImportDraft } from "./import-export.tsx";
import { TermTable } from "./term-table.tsx";
import { TrySentence } from "./try-sentence.tsx";

export function WatchedWordsAdmin({ initial }: { initial: z.infer<typeof listOutput> }) {
  const trpc = useTRPC();
  const list = useQuery({ ...trpc.watchedWords.list.queryOptions(), initialData: initial, staleTime: 5_000 });
  const [draft, setDraft] = useState<ImportDraft>({ text: "", mode: "merge" });
  const data = list.data;
  const refetch = () => list.refetch();

  return (
    <div className="grid gap-6 lg:grid-cols-[minmax(0,1.6fr)_minmax(0,1fr)] lg:items-start">
      <div className="flex min-w-0 flex-col gap-6">
        <TermTable terms={data.terms} maxTerms={data.limits.maxTerms} onChanged={refetch} />
        <ImportExport draft={draft} onDraft={setDraft} onChanged={refetch} />
      </div>
      <div className="flex min-w-0 flex-col gap-6 lg:sticky lg:top-6">
        <TrySentence draft={draft} />
        <AllowList phrases={data.allowList} onChanged={refetch} />
      </div>
    </div>
  );
}
