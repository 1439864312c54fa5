/**
 * Minimum-cost maximum matching of rows (slots) to columns (stories), by the Hungarian algorithm
 * (the shortest-augmenting-path form with potentials, O(rows² · columns)). No npm package fits: the
 * well-kept ones take a dense square matrix, and a bank of ten thousand stories against thirty-two
 * slots is a thin rectangle that this form handles without padding it square.
 */

/** An edge that may not be used: a story may fill only a slot of an LP it claims. */
export const FORBIDDEN = Number.POSITIVE_INFINITY;

export interface Assignment {
  /** For each row, the column it was given, or -1 when no allowed column was left for it. */
  columnOfRow: number[];
  /** How many rows were given a column. */
  matched: number;
  /** The sum of the costs of the edges used. */
  cost: number;
}

/**
 * The assignment of rows to distinct columns that first gives a column to as many rows as any
 * assignment can, then, among those, has the least total cost. `cost(row, column)` is a finite
 * number of at least 0, or `FORBIDDEN`; it is called once per edge. Rows and columns are counted
 * from 0. Throws a RangeError on a negative or NaN cost, which would make "least" meaningless.
 */
export function minCostAssignment(rows: number, columns: number, cost: (row: number, column: number) => number): Assignment {
  const n = rows;
  if (n === 0) return { columnOfRow: [], matched: 0, cost: 0 };
  // A forbidden edge costs more than every allowed edge of all rows together, so the solver only
  // takes one when no assignment can avoid it: the count of allowed edges used is the maximum.
  const table: number[][] = [];
  let total = 0;
  for (let r = 0; r < n; r++) {
    const row = new Array<number>(columns);
    for (let c = 0; c < columns; c++) {
      const value = cost(r, c);
      if (Number.isNaN(value) || value < 0) throw new RangeError(`cost(${r}, ${c}) is ${value}: costs are 0 or more, or FORBIDDEN`);
      row[c] = value;
      if (value !== FORBIDDEN) total += value;
    }
    table.push(row);
  }
  const big = (total + 1) * (n + 1);
  // Too few columns: pad with dummy ones, forbidden for every row, so each row can be placed.
  const m = Math.max(columns, n);
  const at = (r: number, c: number) => (c < columns && table[r][c] !== FORBIDDEN ? table[r][c] : big);

  // 1-based, as in the classic formulation: column 0 is the virtual start of each augmenting path.
  const u = new Float64Array(n + 1);
  const v = new Float64Array(m + 1);
  const rowOfColumn = new Int32Array(m + 1);
  const way = new Int32Array(m + 1);
  const minv = new Float64Array(m + 1);
  const used = new Uint8Array(m + 1);
  for (let i = 1; i <= n; i++) {
    rowOfColumn[0] = i;
    let j0 = 0;
    minv.fill(Number.POSITIVE_INFINITY);
    used.fill(0);
    do {
      used[j0] = 1;
      const i0 = rowOfColumn[j0];
      let delta = Number.POSITIVE_INFINITY;
      let j1 = 0;
      for (let j = 1; j <= m; j++) {
        if (used[j]) continue;
        const reduced = at(i0 - 1, j - 1) - u[i0] - v[j];
        if (reduced < minv[j]) {
          minv[j] = reduced;
          way[j] = j0;
        }
        if (minv[j] < delta) {
          delta = minv[j];
          j1 = j;
        }
      }
      for (let j = 0; j <= m; j++) {
        if (used[j]) {
          u[rowOfColumn[j]] += delta;
          v[j] -= delta;
        } else minv[j] -= delta;
      }
      j0 = j1;
    } while (rowOfColumn[j0] !== 0);
    do {
      const j1 = way[j0];
      rowOfColumn[j0] = rowOfColumn[j1];
      j0 = j1;
    } while (j0 !== 0);
  }
  const columnOfRow = new Array<number>(n).fill(-1);
  let matched = 0;
  let sum = 0;
  for (let j = 1; j <= m; j++) {
    const i = rowOfColumn[j];
    if (i === 0 || j - 1 >= columns || table[i - 1][j - 1] === FORBIDDEN) continue;
    columnOfRow[i - 1] = j - 1;
    matched++;
    sum += table[i - 1][j - 1];
  }
  return { columnOfRow, matched, cost: sum };
}
