/**
 * Small-group suppression. Besides examples, every table of a few thousand random ones is checked
 * against the rules, and against two attackers who know every row and column total (the polls'
 * own public results can be those totals): one solving the linear equations, one trying every
 * table that fits what is shown.
 */
import { describe, expect, it } from "vitest";
import { suppressSmallGroups, type BreakdownCell, type SuppressedTable } from "./suppression.ts";

const F = { kind: "fewerThan", threshold: 5 } as const;
const H = { kind: "hidden" } as const;
const n = (value: number) => ({ kind: "count", value }) as const;
const isSuppressed = (cell: BreakdownCell) => cell.kind !== "count";

/** Deterministic random numbers (mulberry32), so a failure can be replayed. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function randomTable(next: () => number): number[][] {
  const rows = 2 + Math.floor(next() * 4);
  const columns = 2 + Math.floor(next() * 5);
  const scale = [3, 8, 20, 100][Math.floor(next() * 4)]!;
  return Array.from({ length: rows }, () => Array.from({ length: columns }, () => (next() < 0.15 ? 0 : Math.floor(next() * scale))));
}

/**
 * The suppressed cells an attacker can compute exactly from all row and column totals and the
 * shown cells: e_cell in the row space of the equations, by Gaussian elimination (independent of
 * the graph argument the implementation uses).
 */
function linearlyDetermined(table: SuppressedTable): string[] {
  const unknowns: [number, number][] = [];
  table.cells.forEach((row, r) => row.forEach((cell, c) => isSuppressed(cell) && unknowns.push([r, c])));
  const equations: number[][] = [];
  const rows = table.cells.length;
  const columns = table.cells[0]!.length;
  for (let r = 0; r < rows; r += 1) equations.push(unknowns.map(([rr]) => (rr === r ? 1 : 0)));
  for (let c = 0; c < columns; c += 1) equations.push(unknowns.map(([, cc]) => (cc === c ? 1 : 0)));
  const rank = (matrix: number[][]) => {
    const m = matrix.map((row) => [...row]);
    let rankFound = 0;
    for (let col = 0; col < (m[0]?.length ?? 0) && rankFound < m.length; col += 1) {
      const pivot = m.findIndex((row, i) => i >= rankFound && Math.abs(row[col]!) > 1e-9);
      if (pivot < 0) continue;
      [m[rankFound], m[pivot]] = [m[pivot]!, m[rankFound]!];
      for (let i = 0; i < m.length; i += 1) {
        if (i === rankFound) continue;
        const factor = m[i]![col]! / m[rankFound]![col]!;
        for (let j = col; j < m[i]!.length; j += 1) m[i]![j]! -= factor * m[rankFound]![j]!;
      }
      rankFound += 1;
    }
    return rankFound;
  };
  const base = rank(equations);
  return unknowns.filter((_, k) => rank([...equations, unknowns.map((__, j) => (j === k ? 1 : 0))]) === base).map(([r, c]) => `${r},${c}`);
}

/**
 * Every table that fits what is shown and all the row and column totals, cells shown as "fewer
 * than 5" between 0 and 4 and "hidden" ones at least 5: the values each suppressed cell can take.
 */
function possibleValues(counts: number[][], table: SuppressedTable): Map<string, Set<number>> {
  const rowSums = counts.map((row) => row.reduce((a, b) => a + b, 0));
  const columnSums = counts[0]!.map((_, c) => counts.reduce((a, row) => a + row[c]!, 0));
  const unknowns: [number, number][] = [];
  table.cells.forEach((row, r) => row.forEach((cell, c) => isSuppressed(cell) && unknowns.push([r, c])));
  const values = new Map(unknowns.map(([r, c]) => [`${r},${c}`, new Set<number>()]));
  // A table of nothing but "hidden" cells says no bounds (the fallback of suppressSmallGroups).
  const boundsSaid = table.cells.flat().some((cell) => cell.kind !== "hidden");
  const rowLeft = rowSums.map((sum, r) => sum - table.cells[r]!.reduce((a, cell) => a + (cell.kind === "count" ? cell.value : 0), 0));
  const columnLeft = columnSums.map((sum, c) => sum - table.cells.reduce((a, row) => a + (row[c]!.kind === "count" ? (row[c] as { value: number }).value : 0), 0));
  const chosen: number[] = [];
  const walk = (k: number) => {
    if (k === unknowns.length) {
      if (rowLeft.every((v) => v === 0) && columnLeft.every((v) => v === 0)) unknowns.forEach(([r, c], i) => values.get(`${r},${c}`)!.add(chosen[i]!));
      return;
    }
    const [r, c] = unknowns[k]!;
    const small = table.cells[r]![c]!.kind === "fewerThan";
    const low = small || !boundsSaid ? 0 : 5;
    const high = Math.min(small ? 4 : Infinity, rowLeft[r]!, columnLeft[c]!);
    for (let v = low; v <= high; v += 1) {
      rowLeft[r]! -= v;
      columnLeft[c]! -= v;
      chosen[k] = v;
      walk(k + 1);
      rowLeft[r]! += v;
      columnLeft[c]! += v;
    }
  };
  walk(0);
  return values;
}

describe("suppressSmallGroups", () => {
  it("shows every cell and every total when no group is small", () => {
    expect(suppressSmallGroups([
      [5, 10],
      [20, 7],
    ])).toEqual({ cells: [[n(5), n(10)], [n(20), n(7)]], rowTotals: [15, 27], columnTotals: [25, 17], total: 42 });
  });

  it("shows a small group as 'fewer than 5', hides a complement in its row and column, and their totals", () => {
    expect(suppressSmallGroups([
      [3, 10, 12],
      [20, 7, 30],
      [15, 40, 9],
    ])).toEqual({
      cells: [
        [F, H, n(12)],
        [n(20), n(7), n(30)],
        [H, H, n(9)],
      ],
      rowTotals: [null, 57, null],
      columnTotals: [null, null, 51],
      total: null,
    });
  });

  it("treats zero as a small group", () => {
    const table = suppressSmallGroups([
      [0, 10],
      [8, 9],
    ]);
    expect(table.cells).toEqual([
      [F, H],
      [H, H],
    ]);
    expect(table.total).toBeNull();
  });

  it("needs no complement where two small groups already protect each other", () => {
    expect(suppressSmallGroups([
      [1, 2, 30],
      [4, 3, 40],
      [50, 60, 70],
    ]).cells).toEqual([
      [F, F, n(30)],
      [F, F, n(40)],
      [n(50), n(60), n(70)],
    ]);
  });

  it("hides everything in a table of one column with a small group", () => {
    expect(suppressSmallGroups([[2], [10], [30]])).toEqual({ cells: [[H], [H], [H]], rowTotals: [null, null, null], columnTotals: [null], total: null });
  });

  it("hides a complement where the labels' bounds and the totals would pin a cell", () => {
    // Row totals 8 and 10, column totals 14 and 19. With (2,0) and (2,1) hidden as "at least 5",
    // row 2's total 10 pins both at 5, and then the 3. Here nothing but hiding it all helps:
    // every cell "hidden", no bounds said, so only the totals are known.
    const counts = [
      [3, 5],
      [6, 9],
      [5, 5],
    ];
    const table = suppressSmallGroups(counts);
    expect(table.cells.flat()).toEqual(Array(6).fill(H));
    for (const values of possibleValues(counts, table).values()) expect(values.size).toBeGreaterThan(1);
  });

  it("does not hide the whole table for an option nobody chose", () => {
    const table = suppressSmallGroups([
      [10, 20, 30],
      [0, 0, 0],
      [40, 50, 60],
    ]);
    expect(table.cells).toEqual([
      [n(10), n(20), n(30)],
      [F, F, F],
      [n(40), n(50), n(60)],
    ]);
    expect(table.columnTotals).toEqual([null, null, null]);
  });

  it("keeps 'fewer than 5' where a larger complement leaves room", () => {
    const counts = [
      [3, 50, 60],
      [40, 70, 80],
      [90, 20, 30],
    ];
    const table = suppressSmallGroups(counts);
    expect(table.cells[0]![0]).toEqual(F);
    expect(table.cells.flat().filter((cell) => cell.kind === "count").length).toBeGreaterThan(0);
    for (const values of possibleValues(counts, table).values()) expect(values.size).toBeGreaterThan(1);
  });

  it("handles an empty table and refuses ragged or negative counts", () => {
    expect(suppressSmallGroups([])).toEqual({ cells: [], rowTotals: [], columnTotals: [], total: 0 });
    expect(() => suppressSmallGroups([[1, 2], [3]])).toThrow(/same number of cells/);
    expect(() => suppressSmallGroups([[1, -2]])).toThrow(/non-negative/);
    expect(() => suppressSmallGroups([[1.5, 2]])).toThrow(/non-negative/);
  });

  it("never lets a total minus the shown cells give a suppressed cell away (the example of the issue)", () => {
    // Row total 20 with 9 and 8 shown would give the 3 away: the row total is not shown, and the
    // 3 is not the only hidden cell of its row or column, so the public totals do not give it either.
    const counts = [
      [3, 9, 8],
      [12, 15, 11],
    ];
    const table = suppressSmallGroups(counts);
    expect(table.rowTotals[0]).toBeNull();
    expect(table.columnTotals[0]).toBeNull();
    expect(linearlyDetermined(table)).toEqual([]);
    expect(possibleValues(counts, table).get("0,0")!.size).toBeGreaterThan(1);
  });

  it("keeps the rules on 3,000 random tables", () => {
    const next = random(20261125);
    for (let i = 0; i < 3000; i += 1) {
      const counts = randomTable(next);
      const table = suppressSmallGroups(counts);
      const context = JSON.stringify(counts);
      table.cells.forEach((row, r) =>
        row.forEach((cell, c) => {
          const value = counts[r]![c]!;
          const allHidden = table.cells.flat().every((x) => x.kind === "hidden");
          if (value < 5) expect(cell, context).toEqual(allHidden ? H : F);
          else expect(cell.kind === "count" ? cell.value : cell.kind, context).toBe(cell.kind === "count" ? value : "hidden");
        }),
      );
      // Each row and column: no suppressed cell, or at least two, not counting the cells of a
      // line whose total is 0 (they are 0, and the polls' results say so); totals shown only with none.
      const zeroRow = counts.map((row) => row.every((v) => v === 0));
      const zeroColumn = counts[0]!.map((_, c) => counts.every((row) => row[c] === 0));
      const live = (r: number, c: number) => !zeroRow[r] && !zeroColumn[c];
      const everythingHidden = table.cells.flat().every((cell) => cell.kind === "hidden");
      table.cells.forEach((row, r) => {
        const suppressed = row.filter((cell, c) => live(r, c) && isSuppressed(cell)).length;
        // (A table hidden whole says nothing but the totals the polls publish.)
        expect(everythingHidden || suppressed === 0 || suppressed >= 2, context).toBe(true);
        expect(table.rowTotals[r], context).toBe(row.some(isSuppressed) ? null : counts[r]!.reduce((a, b) => a + b, 0));
      });
      counts[0]!.forEach((_, c) => {
        const suppressed = table.cells.filter((row, r) => live(r, c) && isSuppressed(row[c]!)).length;
        expect(everythingHidden || suppressed === 0 || suppressed >= 2, context).toBe(true);
        expect(table.columnTotals[c], context).toBe(table.cells.some((row) => isSuppressed(row[c]!)) ? null : counts.reduce((a, row) => a + row[c]!, 0));
      });
      const any = table.cells.some((row) => row.some(isSuppressed));
      expect(table.total, context).toBe(any ? null : counts.flat().reduce((a, b) => a + b, 0));
      const determined = linearlyDetermined(table).filter((cell) => {
        const [r, c] = cell.split(",").map(Number) as [number, number];
        return live(r, c) && !everythingHidden;
      });
      expect(determined, context).toEqual([]);
    }
  });

  it("leaves every suppressed cell of small random tables with more than one possible value, totals known", () => {
    const next = random(7);
    let checked = 0;
    for (let i = 0; i < 600; i += 1) {
      const rows = 2 + Math.floor(next() * 2);
      const columns = 2 + Math.floor(next() * 2);
      // Mostly non-zero: a row or column whose public total is 0 gives its zeros away by itself.
      const counts = Array.from({ length: rows }, () => Array.from({ length: columns }, () => 1 + Math.floor(next() * 12)));
      const table = suppressSmallGroups(counts);
      for (const [cell, values] of possibleValues(counts, table)) {
        expect(values.size, `${JSON.stringify(counts)} cell ${cell}`).toBeGreaterThan(1);
        checked += 1;
      }
    }
    expect(checked).toBeGreaterThan(200);
  });
});
