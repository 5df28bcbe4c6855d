import type { CountGrid } from './count-grid.js';
import { PatternSearch, type Candidate } from './pattern-search.js';
import { patternProblems, type ShiftPattern } from './shift-pattern.js';

export interface Suppression {
  /** 1 where the cell is withheld. */
  readonly suppressed: Uint8Array;
  readonly primaries: readonly number[];
  readonly patterns: readonly ShiftPattern[];
}

/** Levels whose offices are insiders: provinces and regencies (a kecamatan has no labour office). */
const PROVINCE = 1;
const REGENCY = 2;

/**
 * Cost of suppressing one more cell: mostly the count of cells (what readers lose), then smaller
 * values first, so that a pattern prefers many small cells to one large one only when it must.
 */
function suppressionWeights(grid: CountGrid): Float64Array {
  const weight = new Float64Array(grid.values.length);
  grid.values.forEach((value, cell) => {
    weight[cell] = 1 + Math.log2(1 + value) / 4;
  });
  return weight;
}

function footprint(grid: CountGrid, target: number, candidate: Candidate): ShiftPattern {
  const cells: number[] = [];
  const deltas: number[] = [];
  const kappa = candidate.column !== 0 && candidate.partner > 0 ? -1 : 1;
  const add = (nodes: readonly number[], sign: number) => {
    for (const node of nodes) {
      cells.push(node * grid.columns + candidate.column);
      deltas.push(sign);
      if (candidate.partner >= 0) {
        cells.push(node * grid.columns + candidate.partner);
        deltas.push(sign * kappa);
      }
    }
  };
  add(candidate.main, candidate.sign);
  add(candidate.lateral, -candidate.sign);
  return { target, cells, deltas };
}

/**
 * The offices (provinces and regencies) that can see a pattern move when protecting `cell`: those
 * whose subtree holds one of its cells, other than those whose own figures already give the cell
 * away (the regions containing it, and a region below it holding every non-zero contribution to it).
 */
function officesSeeing(grid: CountGrid, cell: number, pattern: ShiftPattern): Set<number> {
  const { columns, parent, level, end, nonZeroLeaves } = grid;
  const node = Math.floor(cell / columns);
  const column = cell % columns;
  const seeing = new Set<number>();
  for (const moved of pattern.cells) {
    for (let office = Math.floor(moved / columns); office > 0; office = parent[office] as number) {
      const officeLevel = level[office] as number;
      if (officeLevel !== PROVINCE && officeLevel !== REGENCY) continue;
      const containsCell = node >= office && node < (end[office] as number);
      const holdsAll =
        office > node &&
        office < (end[node] as number) &&
        nonZeroLeaves[office * columns + column] === nonZeroLeaves[cell];
      if (!containsCell && !holdsAll) seeing.add(office);
    }
  }
  return seeing;
}

/**
 * Complementary suppression, cell by cell: primaries from the nation down, then the secondaries
 * their patterns withheld. A primary without a shift pattern yet gets one; then, for every office
 * that can see all of the cell's patterns, a pattern that office cannot see. Cells in a pattern are
 * suppressed as it is chosen, so later patterns reuse them at no cost, and a cell already moved by
 * an earlier pattern needs no pattern of its own.
 */
export function suppressCells(grid: CountGrid, threshold: number, verify: boolean): Suppression {
  const { values, level, columns } = grid;
  const suppressed = new Uint8Array(values.length);
  const primaries: number[] = [];
  values.forEach((value, cell) => {
    if (value > 0 && value < threshold) primaries.push(cell);
  });
  // Higher levels first (nodes are in preorder, so a stable sort by level keeps code order within it).
  const levelOf = (cell: number) => level[Math.floor(cell / columns)] as number;
  primaries.sort((a, b) => levelOf(a) - levelOf(b));
  for (const cell of primaries) suppressed[cell] = 1;

  const search = new PatternSearch(grid, suppressed, suppressionWeights(grid));
  const patterns: ShiftPattern[] = [];
  const patternsOf = new Map<number, ShiftPattern[]>();
  const secondaries: number[] = [];
  const apply = (target: number, candidate: Candidate): ShiftPattern => {
    const pattern = footprint(grid, target, candidate);
    for (const cell of pattern.cells) {
      if (suppressed[cell] !== 1) secondaries.push(cell);
      suppressed[cell] = 1;
      const list = patternsOf.get(cell);
      if (list === undefined) patternsOf.set(cell, [pattern]);
      else if (list.at(-1) !== pattern) list.push(pattern);
    }
    if (verify) {
      const problems = patternProblems(grid, suppressed, pattern);
      if (problems.length > 0) throw new Error(`Invalid shift pattern: ${problems.join('; ')}`);
    }
    patterns.push(pattern);
    return pattern;
  };
  const find = (cell: number, avoid?: ReadonlySet<number>): Candidate => {
    const candidate = search.best(Math.floor(cell / columns), cell % columns, avoid);
    if (candidate === null) throw new Error(`No shift pattern protects cell ${cell}`);
    return candidate;
  };

  const protect = (cell: number): void => {
    const own = patternsOf.get(cell) ?? [apply(cell, find(cell))];
    const seen = own.map((pattern) => officesSeeing(grid, cell, pattern));
    const blocked = [...(seen[0] ?? [])].filter((office) => seen.every((seeing) => seeing.has(office)));
    if (blocked.length === 0) return;
    const hidden = search.best(Math.floor(cell / columns), cell % columns, new Set(blocked));
    if (hidden !== null) {
      apply(cell, hidden);
      return;
    }
    // No single pattern hides from all of them: one per office, each invisible to that office.
    const chosen: Set<number>[] = [];
    for (const office of blocked.sort((a, b) => a - b)) {
      if (chosen.some((seeing) => !seeing.has(office))) continue;
      chosen.push(officesSeeing(grid, cell, apply(cell, find(cell, new Set([office])))));
    }
  };

  for (const cell of primaries) protect(cell);
  // Secondaries are not sensitive, but an office that worked one out would know more than the
  // public does; patterns chosen here may withhold further cells, which join the queue.
  for (let index = 0; index < secondaries.length; index += 1) protect(secondaries[index] as number);
  return { suppressed, primaries, patterns };
}
