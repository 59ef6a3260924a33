/**
 * Small-group suppression for the breakdown table (one poll's answers by another's), so that no
 * reader can learn how few people gave a combination of answers. The approach is documented in
 * docs/polls.md; in short:
 *
 * 1. Primary suppression: every cell below the threshold (5) is shown as "fewer than 5", zero
 *    included (a zero is as telling as a one).
 * 2. Complementary suppression: a reader may know a row's or column's total even when we do not
 *    show it (the two polls' own results are public, and are those totals when everyone answered
 *    both). With known totals, a suppressed cell can be worked out exactly when it is the only
 *    suppressed cell of its row or column or, more generally, when it lies on no cycle of
 *    suppressed cells (the suppressed cells as edges between their row and column form a
 *    bipartite graph; the unknowns are determined exactly on its bridges). So we hide further
 *    cells, smallest first, until every row and column holds no suppressed cell or at least two,
 *    and no suppressed cell is a bridge. Those are shown as "hidden", not "fewer than 5": they
 *    are not small.
 * 3. Totals: a row or column total is shown only when its line has no suppressed cell, and the
 *    grand total only when no cell is suppressed, so the shown totals add nothing to the cells.
 */

export const smallGroupThreshold = 5;

export type BreakdownCell = { kind: "count"; value: number } | { kind: "fewerThan"; threshold: number } | { kind: "hidden" };

export interface SuppressedTable {
  cells: BreakdownCell[][];
  /** null where the row holds a suppressed cell. */
  rowTotals: (number | null)[];
  columnTotals: (number | null)[];
  /** null when any cell is suppressed. */
  total: number | null;
}

type Mark = "shown" | "primary" | "complementary";

export function suppressSmallGroups(counts: readonly (readonly number[])[], threshold: number = smallGroupThreshold): SuppressedTable {
  const rows = counts.length;
  const columns = counts[0]?.length ?? 0;
  for (const row of counts) {
    if (row.length !== columns) throw new Error("suppressSmallGroups: every row needs the same number of cells");
    for (const n of row) if (!Number.isInteger(n) || n < 0) throw new Error("suppressSmallGroups: counts are non-negative integers");
  }
  // A row or column whose total is 0 is all zeros, which the polls' own results already tell:
  // its cells are shown as small, and the protection is worked out on the other lines.
  const liveRows = counts.flatMap((row, r) => (sum(row) > 0 ? [r] : []));
  const liveColumns = Array.from({ length: columns }, (_, c) => c).filter((c) => counts.some((row) => row[c]! > 0));
  const live = markSuppression(liveRows.map((r) => liveColumns.map((c) => counts[r]![c]!)), threshold);
  const marks: Mark[][] = counts.map((row) => row.map(() => (live.everythingHidden ? "complementary" : "primary")));
  liveRows.forEach((r, i) => liveColumns.forEach((c, j) => (marks[r]![c] = live.marks[i]![j]!)));

  const cells = marks.map((row, r) =>
    row.map((mark, c): BreakdownCell => (mark === "shown" ? { kind: "count", value: counts[r]![c]! } : mark === "primary" ? { kind: "fewerThan", threshold } : { kind: "hidden" })),
  );
  const rowTotals = counts.map((row, r) => (marks[r]!.every((m) => m === "shown") ? sum(row) : null));
  const columnTotals = Array.from({ length: columns }, (_, c) =>
    marks.every((row) => row[c] === "shown") ? sum(counts.map((row) => row[c]!)) : null,
  );
  const anySuppressed = marks.some((row) => row.some((m) => m !== "shown"));
  return { cells, rowTotals, columnTotals, total: anySuppressed ? null : sum(counts.map(sum)) };
}

/** Primary and complementary suppression of a table without zero lines (see the header). */
function markSuppression(counts: readonly (readonly number[])[], threshold: number): { marks: Mark[][]; everythingHidden: boolean } {
  const rows = counts.length;
  const columns = counts[0]?.length ?? 0;
  const value = (r: number, c: number) => counts[r]![c]!;
  const marks: Mark[][] = counts.map((row) => row.map((n) => (n < threshold ? "primary" : "shown")));
  const suppressed = (r: number, c: number) => marks[r]![c] !== "shown";
  const hideAll = () => {
    for (const row of marks) row.fill("complementary");
    return { marks, everythingHidden: true };
  };

  // Each step hides one more cell; there are finitely many, so this ends.
  for (;;) {
    const weakness = lineWithOneSuppressed(rows, columns, suppressed) ?? bridge(rows, columns, suppressed);
    if (weakness) {
      const cell = cheapestComplement(weakness, rows, columns, suppressed, value);
      if (cell) {
        marks[cell[0]]![cell[1]] = "complementary";
        continue;
      }
      // Only in a table of one row or column: no other cell can hide this one.
      return hideAll();
    }
    // The bounds attack: a cell exactly pinned by the totals and what the labels say (0–4, ≥ 5).
    const pinned = pinnedCell(counts, marks, threshold);
    if (!pinned) return { marks, everythingHidden: false };
    const cell = cheapestComplement({ kind: "cross", row: pinned[0], column: pinned[1] }, rows, columns, suppressed, value);
    // Everything is already suppressed: drop the bounds too (every cell "hidden"); what remains
    // known is only the totals, which the polls' own results publish anyway.
    if (!cell) return hideAll();
    marks[cell[0]]![cell[1]] = "complementary";
  }
}

function sum(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0);
}

/** What needs protecting next: a line with exactly one suppressed cell, or a suppressed bridge. */
type Weakness =
  | { kind: "row"; index: number }
  | { kind: "column"; index: number }
  | { kind: "cross"; row: number; column: number }
  | { kind: "bridge"; rowsSide: Set<number>; columnsSide: Set<number>; otherRows: Set<number>; otherColumns: Set<number> };

function lineWithOneSuppressed(rows: number, columns: number, suppressed: (r: number, c: number) => boolean): Weakness | null {
  for (let r = 0; r < rows; r += 1) {
    let n = 0;
    for (let c = 0; c < columns; c += 1) if (suppressed(r, c)) n += 1;
    if (n === 1) return { kind: "row", index: r };
  }
  for (let c = 0; c < columns; c += 1) {
    let n = 0;
    for (let r = 0; r < rows; r += 1) if (suppressed(r, c)) n += 1;
    if (n === 1) return { kind: "column", index: c };
  }
  return null;
}

/**
 * A suppressed cell (r, c) that lies on no cycle of suppressed cells: without it, r and c fall in
 * two components. Joining the two sides by any other cell puts it on a cycle.
 */
function bridge(rows: number, columns: number, suppressed: (r: number, c: number) => boolean): Weakness | null {
  for (let r = 0; r < rows; r += 1) {
    for (let c = 0; c < columns; c += 1) {
      if (!suppressed(r, c)) continue;
      const fromRow = reach(rows, columns, (rr, cc) => suppressed(rr, cc) && !(rr === r && cc === c), { row: r });
      if (fromRow.columns.has(c)) continue;
      const fromColumn = reach(rows, columns, (rr, cc) => suppressed(rr, cc) && !(rr === r && cc === c), { column: c });
      return { kind: "bridge", rowsSide: fromRow.rows, columnsSide: fromRow.columns, otherRows: fromColumn.rows, otherColumns: fromColumn.columns };
    }
  }
  return null;
}

/** Rows and columns connected to a start vertex through the given cells. */
function reach(rows: number, columns: number, edge: (r: number, c: number) => boolean, start: { row: number } | { column: number }) {
  const seenRows = new Set<number>();
  const seenColumns = new Set<number>();
  const queue: ({ row: number } | { column: number })[] = [start];
  if ("row" in start) seenRows.add(start.row);
  else seenColumns.add(start.column);
  while (queue.length > 0) {
    const at = queue.shift()!;
    if ("row" in at) {
      for (let c = 0; c < columns; c += 1) if (edge(at.row, c) && !seenColumns.has(c)) (seenColumns.add(c), queue.push({ column: c }));
    } else {
      for (let r = 0; r < rows; r += 1) if (edge(r, at.column) && !seenRows.has(r)) (seenRows.add(r), queue.push({ row: r }));
    }
  }
  return { rows: seenRows, columns: seenColumns };
}

/**
 * The shown cell whose hiding fixes the weakness at the least loss: the smallest count, preferring
 * cells whose other line already holds suppressed cells (they close a cycle at once).
 */
function cheapestComplement(
  weakness: Weakness,
  rows: number,
  columns: number,
  suppressed: (r: number, c: number) => boolean,
  value: (r: number, c: number) => number,
): [number, number] | null {
  const candidates: [number, number][] = [];
  if (weakness.kind === "row") {
    for (let c = 0; c < columns; c += 1) if (!suppressed(weakness.index, c)) candidates.push([weakness.index, c]);
  } else if (weakness.kind === "column") {
    for (let r = 0; r < rows; r += 1) if (!suppressed(r, weakness.index)) candidates.push([r, weakness.index]);
  } else if (weakness.kind === "cross") {
    // A pinned cell: hide another cell of its row or column, else any shown cell.
    for (let c = 0; c < columns; c += 1) if (!suppressed(weakness.row, c)) candidates.push([weakness.row, c]);
    for (let r = 0; r < rows; r += 1) if (!suppressed(r, weakness.column)) candidates.push([r, weakness.column]);
    if (candidates.length === 0) for (let r = 0; r < rows; r += 1) for (let c = 0; c < columns; c += 1) if (!suppressed(r, c)) candidates.push([r, c]);
  } else {
    for (const r of weakness.rowsSide) for (const c of weakness.otherColumns) if (!suppressed(r, c)) candidates.push([r, c]);
    for (const r of weakness.otherRows) for (const c of weakness.columnsSide) if (!suppressed(r, c)) candidates.push([r, c]);
  }
  const crossesSuppression = ([r, c]: [number, number]) => {
    if (weakness.kind === "row") return Array.from({ length: rows }, (_, rr) => rr).some((rr) => suppressed(rr, c));
    if (weakness.kind === "column") return Array.from({ length: columns }, (_, cc) => cc).some((cc) => suppressed(r, cc));
    return true;
  };
  candidates.sort((a, b) => Number(crossesSuppression(b)) - Number(crossesSuppression(a)) || value(a[0], a[1]) - value(b[0], b[1]) || a[0] - b[0] || a[1] - b[1]);
  return candidates[0] ?? null;
}

/**
 * A suppressed cell whose value is the only one that fits every row and column total, the shown
 * cells, and what the labels say (a "fewer than" cell holds 0 to threshold − 1, a hidden one at
 * least threshold), or null. The tables that fit are the integer flows of a transportation
 * problem, so each cell's possible values form an interval (total unimodularity): the cell is
 * pinned when neither a larger nor a smaller value is feasible, two max-flow checks.
 */
function pinnedCell(counts: readonly (readonly number[])[], marks: Mark[][], threshold: number): [number, number] | null {
  const unknowns: Unknown[] = [];
  marks.forEach((row, r) =>
    row.forEach((mark, c) => {
      if (mark === "primary") unknowns.push({ r, c, low: 0, high: threshold - 1 });
      else if (mark === "complementary") unknowns.push({ r, c, low: threshold, high: Infinity });
    }),
  );
  const rowLeft = counts.map((row, r) => sum(row.filter((_, c) => marks[r]![c] !== "shown")));
  const columnLeft = (counts[0] ?? []).map((_, c) => sum(counts.filter((_, r) => marks[r]![c] !== "shown").map((row) => row[c]!)));
  for (const [k, unknown] of unknowns.entries()) {
    const actual = counts[unknown.r]![unknown.c]!;
    const withBounds = (low: number, high: number) => unknowns.map((u, j) => (j === k ? { ...u, low, high } : u));
    const larger = actual + 1 <= unknown.high && feasible(withBounds(actual + 1, unknown.high), rowLeft, columnLeft);
    const smaller = actual - 1 >= unknown.low && feasible(withBounds(unknown.low, actual - 1), rowLeft, columnLeft);
    if (!larger && !smaller) return [unknown.r, unknown.c];
  }
  return null;
}

interface Unknown {
  r: number;
  c: number;
  low: number;
  high: number;
}

/** Whether the unknown cells can take values within their bounds that add up to every line's remainder. */
function feasible(unknowns: readonly Unknown[], rowLeft: readonly number[], columnLeft: readonly number[]): boolean {
  // Lower bounds are sent first; the rest is a max-flow source → rows → columns → sink.
  const rowNeed = [...rowLeft];
  const columnNeed = [...columnLeft];
  for (const u of unknowns) {
    rowNeed[u.r]! -= u.low;
    columnNeed[u.c]! -= u.low;
  }
  if (rowNeed.some((v) => v < 0) || columnNeed.some((v) => v < 0)) return false;
  const rows = rowNeed.length;
  const size = rows + columnNeed.length + 2;
  const source = size - 2;
  const sink = size - 1;
  const capacity = Array.from({ length: size }, () => new Array<number>(size).fill(0));
  rowNeed.forEach((v, r) => (capacity[source]![r] = v));
  columnNeed.forEach((v, c) => (capacity[rows + c]![sink] = v));
  for (const u of unknowns) capacity[u.r]![rows + u.c]! += Math.min(u.high - u.low, rowNeed[u.r]!);
  return maxFlow(capacity, source, sink) === sum(rowNeed) && sum(rowNeed) === sum(columnNeed);
}

/** Edmonds–Karp on an adjacency matrix (a breakdown table has at most 12 + 12 lines). */
function maxFlow(capacity: number[][], source: number, sink: number): number {
  let flow = 0;
  for (;;) {
    const parent = new Array<number>(capacity.length).fill(-1);
    parent[source] = source;
    const queue = [source];
    while (queue.length > 0 && parent[sink] === -1) {
      const at = queue.shift()!;
      capacity[at]!.forEach((left, to) => {
        if (left > 0 && parent[to] === -1) {
          parent[to] = at;
          queue.push(to);
        }
      });
    }
    if (parent[sink] === -1) return flow;
    let push = Infinity;
    for (let v = sink; v !== source; v = parent[v]!) push = Math.min(push, capacity[parent[v]!]![v]!);
    for (let v = sink; v !== source; v = parent[v]!) {
      capacity[parent[v]!]![v]! -= push;
      capacity[v]![parent[v]!]! += push;
    }
    flow += push;
  }
}
