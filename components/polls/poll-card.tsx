"use client";
/**
 * One poll: its options as radio buttons or checkboxes, the reader's vote (cast, changed,
 * withdrawn) and the results. Who is reading comes from me.get in the browser, as in the header;
 * a signed-out reader who picks an option signs in first and the vote is cast on return
 * (usePendingVote).
 */
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useEffect, useId, useState, type FormEvent } from "react";
import { usePollLiveResults } from "@/components/live/use-poll-live-results.ts";
import { useTRPC } from "@/components/providers/trpc.ts";
import { Button, StatusMessage, cx } from "@/components/ui";
import { pollAnchorId, pendingVoteParam, type PollDefinition } from "./poll-definition.ts";
import { PollResults } from "./poll-results.tsx";
import { usePendingVote } from "./use-pending-vote.ts";

type Notice = { tone: "success" | "error"; message: string } | null;

export function PollCard({ poll }: { poll: PollDefinition }) {
  const t = useTranslations("polls");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const fieldName = useId();
  const me = useQuery(trpc.me.get.queryOptions());
  const results = useQuery(trpc.polls.results.queryOptions({ pollId: poll.id }));
  // Others' votes arrive while the card is open (both placements share it).
  usePollLiveResults(poll.id);
  const [selected, setSelected] = useState<string[]>([]);
  const [editing, setEditing] = useState(false);
  const [showResults, setShowResults] = useState(false);
  const [notice, setNotice] = useState<Notice>(null);

  const myChoice = results.data?.myChoice ?? null;
  const hasVoted = myChoice !== null;
  const signedIn = Boolean(me.data);

  // The form starts from the reader's own choice whenever it changes (here or in the other placement).
  const myChoiceKey = myChoice?.join(",") ?? "";
  useEffect(() => {
    setSelected(myChoiceKey ? myChoiceKey.split(",") : []);
    setEditing(false);
  }, [myChoiceKey]);

  const refresh = () => queryClient.invalidateQueries(trpc.polls.results.queryFilter({ pollId: poll.id }));
  const onError = (error: unknown) => setNotice({ tone: "error", message: error instanceof Error && error.message ? error.message : t("loadFailed") });

  const vote = useMutation(
    trpc.polls.vote.mutationOptions({
      onSuccess: (output) => {
        queryClient.setQueryData(trpc.polls.results.queryKey({ pollId: poll.id }), output.results);
        setNotice({ tone: "success", message: hasVoted ? t("done.changed") : t("done.voted") });
      },
      onError,
      onSettled: refresh,
    }),
  );
  const withdraw = useMutation(
    trpc.polls.withdraw.mutationOptions({
      onSuccess: (output) => {
        queryClient.setQueryData(trpc.polls.results.queryKey({ pollId: poll.id }), output.results);
        setNotice({ tone: "success", message: t("done.withdrawn") });
      },
      onError,
      onSettled: refresh,
    }),
  );

  usePendingVote(poll, signedIn, (optionId) => {
    setNotice(null);
    vote.mutate({ pollId: poll.id, optionIds: [optionId] });
  });

  const single = poll.kind === "SINGLE";
  const busy = vote.isPending || withdraw.isPending;
  const showForm = !hasVoted || editing;

  function choose(optionId: string, checked: boolean) {
    if (me.isSuccess && !signedIn) {
      // Signed out: sign in first, then come back and have this vote cast (usePendingVote).
      const option = poll.options.find((candidate) => candidate.id === optionId);
      const search = new URLSearchParams(window.location.search);
      search.delete(pendingVoteParam);
      // Keys are slugs, so "<pollKey>:<optionKey>" is written as is (URLSearchParams would escape the colon).
      const query = [search.toString(), `${pendingVoteParam}=${poll.key}:${option?.key ?? ""}`].filter(Boolean).join("&");
      const back = `${window.location.pathname}?${query}#${pollAnchorId(poll.key)}`;
      window.location.assign(`/signin?callbackUrl=${encodeURIComponent(back)}`);
      return;
    }
    setNotice(null);
    if (single) setSelected([optionId]);
    else setSelected((current) => (checked ? [...current, optionId] : current.filter((id) => id !== optionId)));
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    if (selected.length === 0) return;
    setNotice(null);
    vote.mutate({ pollId: poll.id, optionIds: selected });
  }

  const visibleResults = results.data?.visible ? results.data : null;
  const resultsShown = visibleResults !== null && (hasVoted || showResults);
  const unchanged = hasVoted && [...selected].sort().join(",") === [...(myChoice ?? [])].sort().join(",");

  return (
    <div
      className="rounded-2xl border border-line bg-surface p-5 shadow-[0_1px_2px_rgb(0_0_0/0.04)] sm:p-6"
      data-testid="poll-card"
      // Busy until it knows who reads and the results: its buttons change then (vote, sign-in hint, show results).
      aria-busy={me.isPending || results.isPending ? true : undefined}
    >
      <p className="text-xs font-semibold tracking-[0.12em] text-accent uppercase">{t("eyebrow")}</p>
      <h2 className="mt-1.5 text-xl leading-snug font-bold tracking-tight text-fg">{poll.question}</h2>

      {showForm ? (
        <form onSubmit={submit} className="mt-4">
          <fieldset disabled={busy}>
            <legend className="mb-3 text-sm text-muted">{single ? t("single") : t("multiple", { max: poll.maxChoices })}</legend>
            <div className="flex flex-col gap-2">
              {poll.options.map((option) => {
                const checked = selected.includes(option.id);
                const limitReached = !single && !checked && selected.length >= poll.maxChoices;
                return (
                  <label
                    key={option.id}
                    className={cx(
                      "flex min-h-12 cursor-pointer items-center gap-3 rounded-xl border px-4 py-2.5 text-[0.9375rem] leading-snug transition-colors",
                      "has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-offset-2 has-[:focus-visible]:outline-focus",
                      checked ? "border-accent bg-accent-soft text-fg" : "border-line bg-bg text-fg hover:border-muted/60 hover:bg-raised",
                      limitReached && "cursor-not-allowed opacity-60",
                    )}
                  >
                    <input
                      type={single ? "radio" : "checkbox"}
                      name={fieldName}
                      value={option.key}
                      checked={checked}
                      disabled={limitReached}
                      onChange={(event) => choose(option.id, event.target.checked)}
                      className="size-[1.125rem] shrink-0 accent-accent focus-visible:outline-none"
                    />
                    <span>{option.label}</span>
                  </label>
                );
              })}
            </div>
          </fieldset>
          {signedIn || me.isPending ? (
            <div className="mt-4 flex flex-wrap items-center gap-2">
              <Button type="submit" pending={vote.isPending} disabled={selected.length === 0 || unchanged || busy}>
                {vote.isPending ? t("voting") : hasVoted ? t("save") : t("vote")}
              </Button>
              {editing ? (
                <Button variant="ghost" onClick={() => { setEditing(false); setSelected(myChoice ?? []); }}>
                  {t("cancel")}
                </Button>
              ) : null}
              {!hasVoted && visibleResults ? (
                <Button variant="ghost" aria-expanded={showResults} onClick={() => setShowResults((shown) => !shown)}>
                  {showResults ? t("hideResults") : t("showResults")}
                </Button>
              ) : null}
            </div>
          ) : (
            <p className="mt-3 text-sm text-muted">{t("signInHint")}</p>
          )}
        </form>
      ) : null}

      {resultsShown && visibleResults ? (
        <PollResults poll={poll} results={visibleResults} />
      ) : results.data && !results.data.visible ? (
        <p className="mt-4 text-sm text-muted">{t(`results.hidden.${results.data.reason}`)}</p>
      ) : null}

      {hasVoted && !editing ? (
        <div className="mt-4 flex flex-wrap gap-2">
          {poll.allowChange ? (
            <>
              <Button variant="secondary" size="sm" disabled={busy} onClick={() => { setNotice(null); setEditing(true); }}>
                {t("change")}
              </Button>
              <Button variant="danger" size="sm" pending={withdraw.isPending} disabled={busy} onClick={() => { setNotice(null); withdraw.mutate({ pollId: poll.id }); }}>
                {withdraw.isPending ? t("withdrawing") : t("withdraw")}
              </Button>
            </>
          ) : null}
        </div>
      ) : null}

      {results.isError ? (
        <div className="mt-4 flex items-center gap-3">
          <StatusMessage tone="error">{results.error.message || t("loadFailed")}</StatusMessage>
          <Button variant="secondary" size="sm" onClick={() => results.refetch()}>
            {t("retry")}
          </Button>
        </div>
      ) : null}
      <StatusMessage tone={notice?.tone === "error" ? "error" : "success"} className={notice ? "mt-4" : undefined}>
        {notice?.message}
      </StatusMessage>
    </div>
  );
}
