/** The list's shape while it loads: a few comment-sized rows. Server-safe. */
export function CommentsListSkeleton({ rows = 3, label }: { rows?: number; label?: string }) {
  return (
    <div className="flex flex-col gap-7" aria-busy="true" data-testid="comments-skeleton">
      {label ? <span className="sr-only">{label}</span> : null}
      {Array.from({ length: rows }, (_, row) => (
        <div key={row} aria-hidden="true" className="flex gap-3">
          <span className="size-8 shrink-0 rounded-full bg-raised sm:size-9" />
          <div className="flex flex-1 flex-col gap-2 pt-1">
            <span className="h-3.5 w-32 rounded bg-raised" />
            <span className="h-3.5 w-full rounded bg-raised/70" />
            <span className="h-3.5 w-4/5 rounded bg-raised/70" />
          </div>
        </div>
      ))}
    </div>
  );
}
