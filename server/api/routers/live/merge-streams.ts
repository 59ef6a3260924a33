/**
 * Several async streams as one, each value as soon as its stream yields it. The streams get a
 * signal of their own that aborts when the merged stream ends (its consumer left, or one stream
 * failed), so none is left waiting on an event that nobody will read.
 */
export async function* mergeStreams<T>(open: (signal: AbortSignal) => AsyncIterable<T>[], signal: AbortSignal | undefined): AsyncGenerator<T, void, undefined> {
  const stop = new AbortController();
  const streamSignal = signal ? AbortSignal.any([signal, stop.signal]) : stop.signal;
  const iterators = open(streamSignal).map((stream) => stream[Symbol.asyncIterator]());
  const pending = new Map<number, Promise<{ index: number; result: IteratorResult<T> }>>();
  const pull = (index: number) => pending.set(index, iterators[index]!.next().then((result) => ({ index, result })));
  iterators.forEach((_, index) => pull(index));
  try {
    while (pending.size > 0) {
      const { index, result } = await Promise.race(pending.values());
      if (result.done) {
        pending.delete(index);
        continue;
      }
      pull(index);
      yield result.value;
    }
  } finally {
    stop.abort();
    // The aborted streams end by themselves; waiting lets them unsubscribe from the bus first.
    await Promise.allSettled(pending.values());
  }
}
