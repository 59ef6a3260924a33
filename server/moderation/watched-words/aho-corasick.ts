/**
 * An Aho–Corasick automaton over UTF-16 code units (Aho & Corasick 1975, "Efficient string
 * matching"): one left-to-right pass over the text whatever the number of keys, each unit costing
 * an amortized constant number of transitions. Keys are literal strings; nothing a moderator types
 * becomes a regular expression.
 *
 * Our own rather than a package (docs/watched-words.md): the packages measured either segment the
 * text into graphemes on every search (modern-ahocorasick: ~3 ms for 2,000 characters against
 * 5,000 keys, fifteen times our budget) or return every overlapping match as a new array with no
 * way to stop early (@monyone/aho-corasick), which a hostile comment turns into hundreds of
 * thousands of objects. Here the caller walks states itself and stops when it has enough.
 *
 * Layout: the root's transitions in a dense table (the root is where most text units land), the
 * others in sorted edge lists (compressed rows) searched linearly when short, by bisection when
 * long. Failure links make `step` total.
 */
export class AhoCorasick {
  /** Number of states; state 0 is the root. */
  readonly stateCount: number;
  /** Index in `keys` of the key spelled by each state, or -1. */
  readonly keyAt: Int32Array;
  /** Length (in units) of the string each state spells. */
  readonly depth: Int32Array;
  /** The longest proper suffix of a state's string that is also a state. */
  readonly failure: Int32Array;
  /** States in breadth-first order: a state's failure comes before it. */
  readonly breadthFirst: Int32Array;

  private readonly rootNext: Int32Array;
  private readonly edgeOffset: Int32Array;
  private readonly edgeUnit: Uint16Array;
  private readonly edgeTarget: Int32Array;

  constructor(keys: readonly string[]) {
    const children: Map<number, number>[] = [new Map()];
    const keyAt: number[] = [-1];
    const depth: number[] = [0];
    keys.forEach((key, index) => {
      let state = 0;
      for (let k = 0; k < key.length; k++) {
        const unit = key.charCodeAt(k);
        let next = children[state]!.get(unit);
        if (next === undefined) {
          next = children.length;
          children.push(new Map());
          keyAt.push(-1);
          depth.push(depth[state]! + 1);
          children[state]!.set(unit, next);
        }
        state = next;
      }
      if (keyAt[state] === -1) keyAt[state] = index;
    });

    const count = children.length;
    this.stateCount = count;
    this.keyAt = Int32Array.from(keyAt);
    this.depth = Int32Array.from(depth);

    // Compressed rows of sorted edges.
    this.edgeOffset = new Int32Array(count + 1);
    for (let s = 0; s < count; s++) this.edgeOffset[s + 1] = this.edgeOffset[s]! + children[s]!.size;
    this.edgeUnit = new Uint16Array(this.edgeOffset[count]!);
    this.edgeTarget = new Int32Array(this.edgeOffset[count]!);
    for (let s = 0; s < count; s++) {
      const sorted = [...children[s]!].sort((a, b) => a[0] - b[0]);
      let at = this.edgeOffset[s]!;
      for (const [unit, target] of sorted) {
        this.edgeUnit[at] = unit;
        this.edgeTarget[at] = target;
        at++;
      }
    }
    this.rootNext = new Int32Array(0x10000);
    for (const [unit, target] of children[0]!) this.rootNext[unit] = target;

    // Failure links, breadth first.
    this.failure = new Int32Array(count);
    this.breadthFirst = new Int32Array(count);
    let head = 0;
    let tail = 0;
    this.breadthFirst[tail++] = 0;
    while (head < tail) {
      const state = this.breadthFirst[head++]!;
      for (const [unit, child] of children[state]!) {
        this.failure[child] = state === 0 ? 0 : this.step(this.failure[state]!, unit);
        this.breadthFirst[tail++] = child;
      }
    }
  }

  /** The state after reading `unit` in `state`. */
  step(state: number, unit: number): number {
    const edgeUnit = this.edgeUnit;
    for (;;) {
      if (state === 0) return this.rootNext[unit]!;
      let low = this.edgeOffset[state]!;
      let high = this.edgeOffset[state + 1]!;
      if (high - low <= 8) {
        for (; low < high; low++) if (edgeUnit[low] === unit) return this.edgeTarget[low]!;
      } else {
        while (low < high) {
          const middle = (low + high) >>> 1;
          const found = edgeUnit[middle]!;
          if (found === unit) return this.edgeTarget[middle]!;
          if (found < unit) low = middle + 1;
          else high = middle;
        }
      }
      state = this.failure[state]!;
    }
  }
}
