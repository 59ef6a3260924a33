/** The card's shape while it loads: same height as a card, so nothing below it moves. */
export function PollSkeleton({ label }: { label?: string }) {
  return (
    <div className="flex min-h-[24rem] flex-col gap-3 rounded-2xl border border-line bg-surface p-5 sm:p-6" aria-hidden={label ? undefined : true}>
      {label ? <span className="sr-only">{label}</span> : null}
      <span aria-hidden="true" className="h-3 w-20 rounded bg-raised" />
      <span aria-hidden="true" className="h-6 w-2/3 rounded bg-raised" />
      {[0, 1, 2, 3].map((row) => (
        <span key={row} aria-hidden="true" className="h-12 w-full rounded-xl bg-raised/70" />
      ))}
    </div>
  );
}
