import { createRequire } from 'node:module';

/**
 * Test support: an exact audit of a published table by linear programming, what an attacker with
 * the published cells and some knowledge of its own can work out (Hundepool et al. 2012, ch. 4,
 * on auditing a suppression pattern). Later cross-service tests use it too.
 *
 * The unknowns are the withheld cells the attacker does not know; every additive relation is an
 * equation whose published and known cells are constants; every unknown is at least 1 (zeros are
 * never withheld, so the attacker knows a withheld cell is not 0) or at least the lower bound the
 * attacker knows. For each unknown the LP minimum and maximum bound what the attacker can infer; a
 * cell is recovered when they coincide (compared with a tolerance, though these bounds have been
 * integral throughout). A cell that two feasible tables already tell apart cannot be recovered, so
 * unless every interval is asked for, only the others are solved for: each LP solution, a checked
 * reference table and checked shifts from it tell cells apart.
 */

export interface AuditRelation {
  readonly total: string;
  readonly parts: readonly string[];
}

export interface AttackerKnowledge {
  /** Cells the attacker knows exactly (an insider's own figures). */
  readonly known?: ReadonlyMap<string, number>;
  /** Lower bounds the attacker knows on withheld cells (what a contributor contributed itself). */
  readonly lowerBounds?: ReadonlyMap<string, number>;
}

export interface CellInterval {
  readonly cell: string;
  readonly min: number;
  readonly max: number;
}

export interface AuditResult {
  /** Withheld, unknown cells whose minimum and maximum coincide: the attacker has their value. */
  readonly recovered: readonly CellInterval[];
  /** With `intervals: true`, every withheld unknown cell with its range; otherwise empty. */
  readonly intervals: readonly CellInterval[];
}

export interface AuditOptions {
  /**
   * Compute the exact range of every unknown cell (two LPs per cell). Without it, cells that two
   * feasible solutions already tell apart are not solved for, which is much faster.
   */
  readonly intervals?: boolean;
  /**
   * A table known to satisfy every relation and bound (the true one, in tests). It changes no
   * result; it only tells many cells apart before any LP is solved. Checked before use.
   */
  readonly reference?: ReadonlyMap<string, number>;
  /**
   * Moves away from the reference that keep it a feasible table for this attacker (the shift
   * patterns of a protected table, in tests). Each is checked against every relation and bound; a
   * cell one of them moves is not determined, so needs no LP. Requires `reference`.
   */
  readonly shifts?: readonly ReadonlyMap<string, number>[];
}

const EPSILON = 1e-6;
const OPTIMAL = 7;
const UNBOUNDED = 10;
const PRIMAL_SIMPLEX = 4;

// highs types its CommonJS build (whose module object carries the loader as `default`), so under
// NodeNext a default import is typed as that object while the ES build's default is the loader
// itself. Requiring the CommonJS build makes types and runtime agree.
const loadHighs = (createRequire(import.meta.url)('highs') as typeof import('highs')).default;
type Highs = Awaited<ReturnType<typeof loadHighs>>;
let runtime: Promise<Highs> | undefined;

interface Component {
  readonly variables: string[];
  readonly rows: { readonly columns: number[]; readonly coefficients: number[]; readonly constant: number }[];
}

/** Splits the unknowns into groups that share no relation, so that each LP stays small. */
function components(
  published: ReadonlyMap<string, number | null>,
  relations: readonly AuditRelation[],
  known: ReadonlyMap<string, number>,
): Component[] {
  // A cell the table does not list is an empty region: published as 0.
  const valueOf = (cell: string): number | null => {
    const value = known.has(cell) ? known.get(cell) : published.get(cell);
    return value === undefined ? 0 : value;
  };
  const root = new Map<string, string>();
  const find = (cell: string): string => {
    let at = cell;
    while (root.get(at) !== at) at = root.get(at) as string;
    root.set(cell, at);
    return at;
  };
  const equations: { terms: Map<string, number>; constant: number }[] = [];
  for (const relation of relations) {
    const terms = new Map<string, number>();
    let constant = 0;
    const add = (cell: string, sign: number) => {
      const value = valueOf(cell);
      if (value === null) terms.set(cell, (terms.get(cell) ?? 0) + sign);
      else constant -= sign * value;
    };
    add(relation.total, 1);
    for (const part of relation.parts) add(part, -1);
    for (const [cell, coefficient] of terms) if (coefficient === 0) terms.delete(cell);
    if (terms.size === 0) {
      if (Math.abs(constant) > EPSILON)
        throw new Error(`Published cells contradict ${relation.total}'s relation`);
      continue;
    }
    for (const cell of terms.keys()) if (!root.has(cell)) root.set(cell, cell);
    const [first, ...rest] = [...terms.keys()];
    for (const cell of rest) root.set(find(cell), find(first as string));
    equations.push({ terms, constant });
  }
  for (const [cell, value] of published)
    if (value === null && !known.has(cell) && !root.has(cell)) root.set(cell, cell);
  const groups = new Map<string, Component>();
  const indexOf = new Map<string, number>();
  for (const cell of [...root.keys()].sort()) {
    const key = find(cell);
    const group = groups.get(key) ?? { variables: [], rows: [] };
    groups.set(key, group);
    indexOf.set(cell, group.variables.length);
    group.variables.push(cell);
  }
  for (const { terms, constant } of equations) {
    const group = groups.get(find(terms.keys().next().value as string)) as Component;
    const entries = [...terms].map(
      ([cell, coefficient]) => [indexOf.get(cell) as number, coefficient] as const,
    );
    entries.sort((a, b) => a[0] - b[0]);
    group.rows.push({ columns: entries.map(([c]) => c), coefficients: entries.map(([, v]) => v), constant });
  }
  return [...groups.values()];
}

function auditComponent(
  highs: Highs,
  group: Component,
  lower: (cell: string) => number,
  reference: ReadonlyMap<string, number> | undefined,
  moved: ReadonlySet<string>,
  all: boolean,
): AuditResult {
  const n = group.variables.length;
  if (!all && group.variables.every((cell) => moved.has(cell))) {
    if (reference !== undefined) checkedReference(group, group.variables.map(lower), reference);
    return { recovered: [], intervals: [] };
  }
  const starts = [0];
  const indices: number[] = [];
  const values: number[] = [];
  for (const row of group.rows) {
    indices.push(...row.columns);
    values.push(...row.coefficients);
    starts.push(indices.length);
  }
  const colLower = group.variables.map(lower);
  const model = highs.createModel({
    numCols: n,
    numRows: group.rows.length,
    colCost: new Array<number>(n).fill(0),
    colLower,
    colUpper: new Array<number>(n).fill(highs.infinity),
    rowLower: group.rows.map((row) => row.constant),
    rowUpper: group.rows.map((row) => row.constant),
    matrix: { format: 'csr', numRows: group.rows.length, numCols: n, starts, indices, values },
  });
  try {
    // Primal simplex re-solves from the last basis after a change of objective in a few pivots.
    model.options.set({ output_flag: false, presolve: 'off', simplex_strategy: PRIMAL_SIMPLEX });
    const low = new Float64Array(n).fill(Infinity);
    const high = new Float64Array(n).fill(-Infinity);
    const observe = (point: ArrayLike<number>) => {
      for (let index = 0; index < n; index += 1) {
        low[index] = Math.min(low[index] as number, point[index] as number);
        high[index] = Math.max(high[index] as number, point[index] as number);
      }
    };
    model.run();
    if (model.getModelStatus() !== OPTIMAL) {
      throw new Error('The published cells and the attacker knowledge admit no table at all');
    }
    observe(model.getSolution().colValue);
    if (reference !== undefined) observe(checkedReference(group, colLower, reference));
    group.variables.forEach((cell, index) => {
      if (moved.has(cell)) high[index] = Infinity;
    });
    // Minimising ±x_j (never switching the sense, which would discard the basis).
    let costed = -1;
    const extreme = (index: number, direction: 1 | -1): number => {
      if (costed >= 0) model.changeColCost(costed, 0);
      model.changeColCost(index, direction);
      costed = index;
      model.run();
      const status = model.getModelStatus();
      // Only a maximum may be unbounded (a minimum is at least the lower bound); anything else
      // (a limit, a numerical failure) must not pass for a wide interval.
      if (status === UNBOUNDED && direction < 0) return Infinity;
      if (status !== OPTIMAL) throw new Error(`HiGHS stopped with model status ${status}`);
      const point = model.getSolution().colValue;
      observe(point);
      return point[index] as number;
    };
    const recovered: CellInterval[] = [];
    const intervals: CellInterval[] = [];
    for (let index = 0; index < n; index += 1) {
      if (!all && (high[index] as number) - (low[index] as number) > EPSILON) continue;
      const max = extreme(index, -1);
      if (!all && (high[index] as number) - (low[index] as number) > EPSILON) continue;
      const min = extreme(index, 1);
      const interval = { cell: group.variables[index] as string, min, max };
      if (all) intervals.push(interval);
      if (max - min <= EPSILON) recovered.push(interval);
    }
    return { recovered, intervals };
  } finally {
    model.dispose();
  }
}

/** A reference table only speeds the audit up, and only if it really is feasible: checked here. */
function checkedReference(
  group: Component,
  colLower: number[],
  reference: ReadonlyMap<string, number>,
): number[] {
  const point = group.variables.map((cell) => reference.get(cell) ?? Number.NaN);
  point.forEach((value, index) => {
    if (!(value >= (colLower[index] as number)))
      throw new Error(`The reference table breaks ${group.variables[index]}'s bound`);
  });
  for (const row of group.rows) {
    const sum = row.columns.reduce(
      (total, column, at) => total + (row.coefficients[at] as number) * (point[column] as number),
      0,
    );
    if (Math.abs(sum - row.constant) > EPSILON) throw new Error('The reference table breaks a relation');
  }
  return point;
}

/** The cells that checked shifts move; throws on a shift that is not a move to a feasible table. */
function movedCells(
  relations: readonly AuditRelation[],
  unknown: (cell: string) => boolean,
  lower: (cell: string) => number,
  reference: ReadonlyMap<string, number> | undefined,
  shifts: readonly ReadonlyMap<string, number>[],
): Set<string> {
  const moved = new Set<string>();
  if (shifts.length === 0) return moved;
  if (reference === undefined) throw new Error('Shifts are moves away from a reference table: give one');
  const relationsOf = new Map<string, AuditRelation[]>();
  for (const relation of relations) {
    for (const cell of [relation.total, ...relation.parts]) {
      const list = relationsOf.get(cell) ?? [];
      if (list.at(-1) !== relation) list.push(relation);
      relationsOf.set(cell, list);
    }
  }
  for (const shift of shifts) {
    for (const [cell, delta] of shift) {
      if (delta === 0) continue;
      if (!unknown(cell)) throw new Error(`A shift moves ${cell}, which this attacker knows`);
      if (!((reference.get(cell) ?? Number.NaN) + delta >= lower(cell)))
        throw new Error(`A shift breaks ${cell}'s bound`);
      for (const relation of relationsOf.get(cell) ?? []) {
        const sum = relation.parts.reduce(
          (total, part) => total - (shift.get(part) ?? 0),
          shift.get(relation.total) ?? 0,
        );
        if (sum !== 0) throw new Error(`A shift breaks ${relation.total}'s relation`);
      }
      moved.add(cell);
    }
  }
  return moved;
}

/** What an attacker can work out about each withheld cell from the published ones and its knowledge. */
export async function auditTable(
  published: ReadonlyMap<string, number | null>,
  relations: readonly AuditRelation[],
  knowledge: AttackerKnowledge = {},
  options: AuditOptions = {},
): Promise<AuditResult> {
  const highs = await (runtime ??= loadHighs());
  const known = knowledge.known ?? new Map<string, number>();
  const lower = (cell: string) => Math.max(1, knowledge.lowerBounds?.get(cell) ?? 1);
  const unknown = (cell: string) => published.get(cell) === null && !known.has(cell);
  const moved = movedCells(relations, unknown, lower, options.reference, options.shifts ?? []);
  const recovered: CellInterval[] = [];
  const intervals: CellInterval[] = [];
  for (const group of components(published, relations, known)) {
    const result = auditComponent(highs, group, lower, options.reference, moved, options.intervals ?? false);
    recovered.push(...result.recovered);
    intervals.push(...result.intervals);
  }
  return { recovered, intervals };
}
