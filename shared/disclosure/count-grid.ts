/** One row of a count table: a kecamatan's count, optionally for one category of a breakdown. */
export interface CountRow {
  /** Kemendagri kecamatan code, `PP.RR.DD` (the level at which the hub records events). */
  readonly kecamatanCode: string;
  /** Breakdown category (a destination country's ISO code, say); absent for a measure without one. */
  readonly category?: string | undefined;
  readonly count: number;
}

/** Column 0 of every node is its total; columns 1.. are the categories in code order. */
export const TOTAL_COLUMN = 0;

/**
 * The full table of one measure in one year, every region at every level, as flat arrays.
 *
 * Nodes are the region codes in lexicographic order, which for Kemendagri codes (fixed-width
 * segments joined by dots) is a preorder of the region tree: node 0 is the nation (`''`) and the
 * subtree of node n is the contiguous range [n, end[n]). Cells are `node * columns + column`.
 */
export interface CountGrid {
  readonly codes: readonly string[];
  readonly nodeOf: ReadonlyMap<string, number>;
  /** 0 nation, 1 province, 2 regency (kabupaten/kota), 3 kecamatan. */
  readonly level: Uint8Array;
  /** -1 for the nation. */
  readonly parent: Int32Array;
  readonly end: Int32Array;
  readonly children: readonly (readonly number[])[];
  readonly categories: readonly string[];
  readonly columnOf: ReadonlyMap<string, number>;
  readonly columns: number;
  readonly values: Float64Array;
  /** How many kecamatan below (or at) the node have a non-zero value in the column. */
  readonly nonZeroLeaves: Int32Array;
}

const KECAMATAN_CODE = /^\d{2}\.\d{2}\.\d{2}$/;

function ancestorsOf(code: string): string[] {
  const parts = code.split('.');
  return parts.map((_, index) => parts.slice(0, index + 1).join('.'));
}

// Plain code-unit order, not localeCompare: the pattern must not depend on the server's locale.
function byCode(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function checkedRows(rows: Iterable<CountRow>): { rows: CountRow[]; breakdown: boolean } {
  const list = [...rows];
  const withCategory = list.filter((row) => row.category !== undefined).length;
  if (withCategory !== 0 && withCategory !== list.length) {
    throw new RangeError('A count table has either a category on every row or on none.');
  }
  for (const row of list) {
    if (!KECAMATAN_CODE.test(row.kecamatanCode)) {
      throw new RangeError(`Counts are recorded per kecamatan (PP.RR.DD), not ${row.kecamatanCode}.`);
    }
    if (!Number.isSafeInteger(row.count) || row.count < 0) {
      throw new RangeError(`A count is a non-negative integer, not ${row.count}.`);
    }
    if (row.category === '') throw new RangeError('A category code is never empty.');
  }
  return { rows: list, breakdown: withCategory > 0 };
}

/** Builds the region tree from the kecamatan codes present and sums every cell up the tree. */
export function buildCountGrid(input: Iterable<CountRow>): CountGrid {
  const { rows, breakdown } = checkedRows(input);
  const codeSet = new Set<string>(['']);
  const categorySet = new Set<string>();
  for (const row of rows) {
    for (const code of ancestorsOf(row.kecamatanCode)) codeSet.add(code);
    if (row.category !== undefined) categorySet.add(row.category);
  }
  const codes = [...codeSet].sort(byCode);
  const categories = breakdown ? [...categorySet].sort(byCode) : [];
  const nodeOf = new Map(codes.map((code, node) => [code, node]));
  const columnOf = new Map(categories.map((category, index) => [category, index + 1]));
  const columns = categories.length + 1;
  const count = codes.length;

  const level = new Uint8Array(count);
  const parent = new Int32Array(count).fill(-1);
  const children: number[][] = codes.map(() => []);
  for (let node = 1; node < count; node += 1) {
    const code = codes[node] as string;
    const cut = code.lastIndexOf('.');
    const up = nodeOf.get(cut === -1 ? '' : code.slice(0, cut)) as number;
    level[node] = code.split('.').length;
    parent[node] = up;
    (children[up] as number[]).push(node);
  }
  const end = new Int32Array(count);
  for (let node = count - 1; node >= 0; node -= 1) {
    end[node] = Math.max(end[node] as number, node + 1);
    const up = parent[node] as number;
    if (up >= 0) end[up] = Math.max(end[up] as number, end[node] as number);
  }

  const values = new Float64Array(count * columns);
  for (const row of rows) {
    const base = (nodeOf.get(row.kecamatanCode) as number) * columns;
    const column = row.category === undefined ? TOTAL_COLUMN : (columnOf.get(row.category) as number);
    values[base + column] = (values[base + column] as number) + row.count;
    if (column !== TOTAL_COLUMN) values[base] = (values[base] as number) + row.count;
  }
  const nonZeroLeaves = new Int32Array(count * columns);
  for (let node = count - 1; node >= 1; node -= 1) {
    const base = node * columns;
    const upBase = (parent[node] as number) * columns;
    const leaf = (children[node] as number[]).length === 0;
    for (let column = 0; column < columns; column += 1) {
      if (leaf) nonZeroLeaves[base + column] = (values[base + column] as number) > 0 ? 1 : 0;
      values[upBase + column] = (values[upBase + column] as number) + (values[base + column] as number);
      nonZeroLeaves[upBase + column] =
        (nonZeroLeaves[upBase + column] as number) + (nonZeroLeaves[base + column] as number);
    }
  }
  return {
    codes,
    nodeOf,
    level,
    parent,
    end,
    children,
    categories,
    columnOf,
    columns,
    values,
    nonZeroLeaves,
  };
}
