import { TOTAL_COLUMN, type CountGrid } from './count-grid.js';

/**
 * A shift pattern: moving every listed cell by its delta (±1) keeps every additive relation of the
 * table true and every cell at least 1. While all its cells are suppressed, an attacker cannot tell
 * the true table from the shifted one, so none of these cells is determined by what is published.
 */
export interface ShiftPattern {
  /** The cell the pattern was built to protect. */
  readonly target: number;
  readonly cells: readonly number[];
  readonly deltas: readonly number[];
}

/**
 * Checks a pattern against the definition rather than against how it was built: each of its cells
 * is suppressed, non-zero and stays at least 1, and every relation that involves one of its cells
 * (a node's column against its children, a node's total against its categories) still adds up.
 * Returns the problems found; none means the pattern is valid.
 */
export function patternProblems(grid: CountGrid, suppressed: Uint8Array, pattern: ShiftPattern): string[] {
  const problems: string[] = [];
  const { columns, values, parent, children } = grid;
  const delta = new Map<number, number>();
  pattern.cells.forEach((cell, index) =>
    delta.set(cell, (delta.get(cell) ?? 0) + (pattern.deltas[index] ?? 0)),
  );
  const at = (node: number, column: number) => delta.get(node * columns + column) ?? 0;
  if (
    !delta.has(pattern.target) ||
    at(Math.floor(pattern.target / columns), pattern.target % columns) === 0
  ) {
    problems.push(`the pattern does not move its target cell ${pattern.target}`);
  }
  const checked = new Set<string>();
  const checkColumn = (node: number, column: number) => {
    const key = `c${node}:${column}`;
    if (checked.has(key) || (children[node] as number[]).length === 0) return;
    checked.add(key);
    let sum = 0;
    for (const child of children[node] as number[]) sum += at(child, column);
    if (sum !== at(node, column)) problems.push(`column ${column} of node ${node} no longer adds up`);
  };
  const checkRow = (node: number) => {
    const key = `r${node}`;
    if (columns === 1 || checked.has(key)) return;
    checked.add(key);
    let sum = 0;
    for (let column = 1; column < columns; column += 1) sum += at(node, column);
    if (sum !== at(node, TOTAL_COLUMN)) problems.push(`the total of node ${node} no longer adds up`);
  };
  for (const [cell, shift] of delta) {
    const value = values[cell] as number;
    if (shift === 0) continue;
    if (suppressed[cell] !== 1) problems.push(`cell ${cell} moves but is published`);
    if (value < 1 || value + shift < 1)
      problems.push(`cell ${cell} (value ${value}) cannot move by ${shift}`);
    const node = Math.floor(cell / columns);
    const column = cell % columns;
    checkColumn(node, column);
    if ((parent[node] as number) >= 0) checkColumn(parent[node] as number, column);
    checkRow(node);
  }
  return problems;
}
