import { auditTable, type AttackerKnowledge, type AuditRelation, type CellInterval } from './audit.js';
import type { ProtectedTable } from './protect.js';

/** Test support: a protected table as the audit sees it, and the attackers to audit it against. */

/** Audit key of a cell: `35.07/` for the region's total, `35.07/MY` for one category. */
export function cellKey(regionCode: string, category?: string): string {
  return `${regionCode}/${category ?? ''}`;
}

export interface TableSystem {
  /** Every cell as published: a number, or null when suppressed. */
  readonly published: ReadonlyMap<string, number | null>;
  readonly exact: ReadonlyMap<string, number>;
  readonly relations: readonly AuditRelation[];
  readonly regionCodes: readonly string[];
  readonly columns: readonly (string | undefined)[];
}

function parentOf(code: string): string | null {
  if (code === '') return null;
  const cut = code.lastIndexOf('.');
  return cut === -1 ? '' : code.slice(0, cut);
}

/** All cells and relations of a table, built from its region codes alone (not from its internals). */
export function tableSystem(table: ProtectedTable): TableSystem {
  const columns: (string | undefined)[] = [undefined, ...table.categories];
  const published = new Map<string, number | null>();
  const exact = new Map<string, number>();
  const children = new Map<string, string[]>();
  for (const region of table.regionCodes) {
    const up = parentOf(region);
    if (up !== null) {
      const siblings = children.get(up) ?? [];
      siblings.push(region);
      children.set(up, siblings);
    }
    for (const column of columns) {
      published.set(cellKey(region, column), table.published(region, column).value);
      exact.set(cellKey(region, column), table.exact(region, column));
    }
  }
  const relations: AuditRelation[] = [];
  for (const region of table.regionCodes) {
    const kids = children.get(region) ?? [];
    if (kids.length > 0) {
      for (const column of columns) {
        relations.push({ total: cellKey(region, column), parts: kids.map((kid) => cellKey(kid, column)) });
      }
    }
    if (table.categories.length > 0) {
      relations.push({
        total: cellKey(region),
        parts: table.categories.map((category) => cellKey(region, category)),
      });
    }
  }
  return { published, exact, relations, regionCodes: table.regionCodes, columns };
}

const within = (code: string, region: string) =>
  region === '' || code === region || code.startsWith(`${region}.`);

/** Provinces and regencies: the offices that see their own subtree exactly. */
export function insiderRegions(system: TableSystem): string[] {
  return system.regionCodes.filter((code) => code !== '' && code.split('.').length <= 2);
}

export interface Insider {
  readonly knowledge: AttackerKnowledge;
  /**
   * Withheld cells outside the subtree whose every non-zero contribution lies inside it (a province
   * with a single active regency): the insider has those figures without any publication.
   */
  readonly ownFigures: ReadonlySet<string>;
}

/** A labour office of a province or regency: knows every cell of its subtree exactly. */
export function insider(system: TableSystem, region: string): Insider {
  const known = new Map<string, number>();
  for (const code of system.regionCodes) {
    if (!within(code, region)) continue;
    for (const column of system.columns) {
      known.set(cellKey(code, column), system.exact.get(cellKey(code, column)) ?? 0);
    }
  }
  const kecamatan = system.regionCodes.filter((code) => code.split('.').length === 3);
  const ownFigures = new Set<string>();
  for (const code of system.regionCodes) {
    if (within(code, region) || !within(region, code)) continue;
    for (const column of system.columns) {
      const key = cellKey(code, column);
      if (system.published.get(key) !== null) continue;
      const support = kecamatan.filter(
        (k) => within(k, code) && (system.exact.get(cellKey(k, column)) ?? 0) > 0,
      );
      if (support.every((k) => within(k, region))) ownFigures.add(key);
    }
  }
  return { knowledge: { known }, ownFigures };
}

export interface AttackerReport {
  /** `outsider`, or the code of the insider's province or regency. */
  readonly attacker: string;
  /** Withheld cells this attacker works out, other than figures it already has (`ownFigures`). */
  readonly recovered: readonly CellInterval[];
}

/**
 * Audits a protected table against an outsider and against the office of each given region. With
 * `certified`, the table's own shift patterns (checked by the audit) tell apart the cells they move,
 * and the LP is solved only for the others: the same result, much faster.
 */
export async function auditAttackers(
  table: ProtectedTable,
  insiders: readonly string[] | 'all',
  options: { readonly intervals?: boolean; readonly certified?: boolean } = {},
): Promise<AttackerReport[]> {
  const system = tableSystem(table);
  const reference = system.exact;
  const patterns = options.certified
    ? table.shiftPatterns().map((pattern) => ({
        regions: pattern.map((cell) => cell.regionCode),
        shift: new Map(pattern.map((cell) => [cellKey(cell.regionCode, cell.category), cell.delta])),
      }))
    : [];
  const audit = (knowledge: AttackerKnowledge, shifts: ReadonlyMap<string, number>[]) =>
    auditTable(system.published, system.relations, knowledge, {
      intervals: options.intervals ?? false,
      reference,
      shifts,
    });
  const outsider = await audit(
    {},
    patterns.map((pattern) => pattern.shift),
  );
  const reports: AttackerReport[] = [{ attacker: 'outsider', recovered: outsider.recovered }];
  for (const region of insiders === 'all' ? insiderRegions(system) : insiders) {
    const office = insider(system, region);
    const unseen = patterns.filter((pattern) => !pattern.regions.some((code) => within(code, region)));
    const result = await audit(
      office.knowledge,
      unseen.map((pattern) => pattern.shift),
    );
    reports.push({
      attacker: region,
      recovered: result.recovered.filter((cell) => !office.ownFigures.has(cell.cell)),
    });
  }
  return reports;
}
