import { TOTAL_COLUMN, type CountGrid } from './count-grid.js';

/**
 * A candidate shift pattern for one cell (node r, column c), in the shape of a hypercube's edges
 * along the region hierarchy: two columns (c and a partner column c2) move together on a chain of
 * nodes, the "main" side, running from a turning node down through r to a kecamatan; the opposite
 * move runs on a "lateral" side from a sibling of the turning node down to a kecamatan. Their
 * common parent q then does not move. Without a lateral side the main side runs up to the nation,
 * which has no relation above it.
 *
 * Two categories move in opposite directions (the node's total stays); a category and the total
 * move in the same direction. A measure without breakdown has the total column only.
 */
export interface Candidate {
  readonly cost: number;
  readonly column: number;
  /** The partner column, or -1 for a measure without breakdown. */
  readonly partner: number;
  readonly sign: 1 | -1;
  readonly main: readonly number[];
  readonly lateral: readonly number[];
}

/** Node ids that a pattern must not touch (insiders who know those subtrees exactly). */
export type AvoidSet = ReadonlySet<number>;

const NONE: AvoidSet = new Set();
const SIGNS = [1, -1] as const;

interface Found {
  readonly cost: number;
  readonly partner: number;
  readonly sign: 1 | -1;
  /** The highest node of the main side; the lateral side starts at its sibling. */
  readonly turn: number;
  /** -1 when the main side runs up to the nation. */
  readonly lateral: number;
}

/**
 * Finds the cheapest candidate for a cell, given the cells suppressed so far (free to reuse) and
 * the cost of suppressing each other cell. Deterministic: candidates are tried in a fixed order and
 * a later one replaces an earlier one only when strictly cheaper.
 */
export class PatternSearch {
  private readonly memoStamp: Int32Array;
  private readonly memoCost: Float64Array;
  private readonly memoNext: Int32Array;
  private stamp = 0;
  private column = 0;
  private partner = -1;
  /** Sign of the partner column relative to the column: -1 for two categories, +1 otherwise. */
  private kappa = 1;
  private avoid: AvoidSet = NONE;

  constructor(
    private readonly grid: CountGrid,
    private readonly suppressed: Uint8Array,
    private readonly weight: Float64Array,
  ) {
    const slots = grid.codes.length * 2;
    this.memoStamp = new Int32Array(slots);
    this.memoCost = new Float64Array(slots);
    this.memoNext = new Int32Array(slots);
  }

  /** The cheapest candidate for the cell (node, column) that touches no subtree in `avoid`, if any. */
  best(node: number, column: number, avoid: AvoidSet = NONE): Candidate | null {
    const { parent, children, columns } = this.grid;
    let found: Found | null = null;
    let bound = Infinity;
    const partners = columns === 1 ? [-1] : this.partnersOf(node, column);
    // Costs are never negative, so a partial cost at or above the best so far ends a branch, and a
    // pattern of cost 0 (made of suppressed cells only) cannot be beaten.
    for (const partner of partners) {
      for (const sign of SIGNS) {
        if (bound === 0) break;
        this.enter(column, partner, avoid);
        const base = this.nodeCost(node, sign);
        if (!(base < bound)) continue;
        let up = base + this.down(node, sign);
        if (!(up < bound)) continue;
        let turn = node;
        let lateralFound = false;
        let reachedNation = true;
        while ((parent[turn] as number) >= 0) {
          const q = parent[turn] as number;
          for (const sibling of children[q] as number[]) {
            if (sibling === turn || (avoid.size > 0 && avoid.has(sibling))) continue;
            const head = this.nodeCost(sibling, -sign as 1 | -1);
            if (!(up + head < bound)) continue;
            const side = head + this.down(sibling, -sign as 1 | -1);
            if (side === Infinity) continue;
            lateralFound = true;
            if (up + side < bound) {
              bound = up + side;
              found = { cost: bound, partner, sign, turn, lateral: sibling };
            }
          }
          // Nearest turning node first: going further up only adds cells on the main side.
          if (lateralFound) break;
          up += this.nodeCost(q, sign);
          if (!(up < bound)) {
            reachedNation = false;
            break;
          }
          turn = q;
        }
        if (!lateralFound && reachedNation) {
          bound = up;
          found = { cost: up, partner, sign, turn, lateral: -1 };
        }
      }
    }
    return found === null ? null : this.materialise(node, column, found, avoid);
  }

  private materialise(node: number, column: number, found: Found, avoid: AvoidSet): Candidate {
    const { parent } = this.grid;
    this.enter(column, found.partner, avoid);
    const main: number[] = [];
    for (let up = node; up !== found.turn;) {
      up = parent[up] as number;
      main.unshift(up);
    }
    main.push(...this.path(node, found.sign));
    const lateral = found.lateral < 0 ? [] : this.path(found.lateral, -found.sign as 1 | -1);
    return { cost: found.cost, column, partner: found.partner, sign: found.sign, main, lateral };
  }

  /** Partner columns, those already suppressed at the node first: they make cheap patterns likely. */
  private partnersOf(node: number, column: number): number[] {
    const base = node * this.grid.columns;
    const first: number[] = [];
    const rest: number[] = [];
    for (let other = 0; other < this.grid.columns; other += 1) {
      if (other !== column) (this.suppressed[base + other] === 1 ? first : rest).push(other);
    }
    return first.concat(rest);
  }

  private enter(column: number, partner: number, avoid: AvoidSet): void {
    this.stamp += 1;
    this.column = column;
    this.partner = partner;
    this.kappa = column !== TOTAL_COLUMN && partner > TOTAL_COLUMN ? -1 : 1;
    this.avoid = avoid;
  }

  /** Cost of moving this node's two cells by `sign`, or Infinity when a cell is zero or has no slack. */
  private nodeCost(node: number, sign: 1 | -1): number {
    const base = node * this.grid.columns;
    let cost = this.cellCost(base + this.column, sign);
    if (this.partner >= 0) cost += this.cellCost(base + this.partner, (sign * this.kappa) as 1 | -1);
    return cost;
  }

  private cellCost(cell: number, shift: 1 | -1): number {
    const value = this.grid.values[cell] as number;
    if (value < 1 || (shift < 0 && value < 2)) return Infinity;
    return this.suppressed[cell] === 1 ? 0 : (this.weight[cell] as number);
  }

  /** Cheapest chain from a node down to a kecamatan, not counting the node itself (memoised). */
  private down(node: number, sign: 1 | -1): number {
    const kids = this.grid.children[node] as number[];
    if (kids.length === 0) return 0;
    const slot = node * 2 + (sign > 0 ? 0 : 1);
    if (this.memoStamp[slot] === this.stamp) return this.memoCost[slot] as number;
    let cost = Infinity;
    let next = -1;
    for (const child of kids) {
      if (this.avoid.has(child)) continue;
      const here = this.nodeCost(child, sign);
      if (here >= cost) continue;
      const total = here + this.down(child, sign);
      if (total < cost) {
        cost = total;
        next = child;
      }
    }
    this.memoStamp[slot] = this.stamp;
    this.memoCost[slot] = cost;
    this.memoNext[slot] = next;
    return cost;
  }

  private path(node: number, sign: 1 | -1): number[] {
    const nodes = [node];
    for (let at = node; (this.grid.children[at] as number[]).length > 0;) {
      this.down(at, sign);
      at = this.memoNext[at * 2 + (sign > 0 ? 0 : 1)] as number;
      nodes.push(at);
    }
    return nodes;
  }
}
