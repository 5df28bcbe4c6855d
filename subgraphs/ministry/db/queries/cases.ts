import { and, asc, count, desc, eq, like, or, sql, type SQL } from 'drizzle-orm';
import { anyOf } from '../../../../shared/db/any-of.js';
import type { Database } from '../../../../shared/db/database.js';
import type { CaseScope } from '../../access.js';
import { caseNotes, cases, type CaseNoteRow, type CaseRow, type CaseStatus } from '../schema.js';

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (character) => `\\${character}`);
}

/** Cases about workers inside a region: the kecamatan itself or any code below it. */
export function workerWithinRegion(regionCode: string): SQL {
  return or(
    eq(cases.workerDistrictCode, regionCode),
    like(cases.workerDistrictCode, `${escapeLike(regionCode)}.%`),
  ) as SQL;
}

/** The case row rule as SQL, to be AND-ed into every query that returns cases. */
export function visibleCase(scope: CaseScope): SQL {
  switch (scope.kind) {
    case 'all':
      return sql`true`;
    case 'none':
      return sql`false`;
    case 'region':
      return workerWithinRegion(scope.regionCode);
  }
}

export async function findCasesByIds(
  db: Database,
  scope: CaseScope,
  ids: readonly string[],
): Promise<CaseRow[]> {
  return db
    .select()
    .from(cases)
    .where(and(anyOf(cases.id, ids), visibleCase(scope)));
}

/** Newest first; a labour office gets only the cases recorded while the worker lived in its region. */
export async function findCasesByWorkerIds(
  db: Database,
  scope: CaseScope,
  workerIds: readonly string[],
): Promise<CaseRow[]> {
  return db
    .select()
    .from(cases)
    .where(and(anyOf(cases.workerId, workerIds), visibleCase(scope)))
    .orderBy(desc(cases.openedAt), desc(cases.id));
}

export interface CaseListFilter {
  readonly status?: CaseStatus | null | undefined;
  readonly category?: CaseRow['category'] | null | undefined;
  readonly regionCode?: string | null | undefined;
  readonly agencyId?: string | null | undefined;
}

/** Keyset position in the newest-first list: the last row's opening instant and id. */
export interface CaseCursor {
  readonly openedAt: Date;
  readonly id: string;
}

export interface CasePage {
  readonly rows: CaseRow[];
  readonly hasNextPage: boolean;
  readonly totalCount: number;
}

function filterConditions(scope: CaseScope, filter: CaseListFilter): SQL[] {
  const conditions: SQL[] = [visibleCase(scope)];
  if (filter.status) conditions.push(eq(cases.status, filter.status));
  if (filter.category) conditions.push(eq(cases.category, filter.category));
  if (filter.regionCode) conditions.push(workerWithinRegion(filter.regionCode));
  if (filter.agencyId) conditions.push(eq(cases.agencyId, filter.agencyId));
  return conditions;
}

/** One page of cases, newest first, plus the total the caller may see. */
export async function listCases(
  db: Database,
  scope: CaseScope,
  filter: CaseListFilter,
  first: number,
  after: CaseCursor | null,
): Promise<CasePage> {
  const conditions = filterConditions(scope, filter);
  const pageConditions = after
    ? [
        ...conditions,
        sql`(${cases.openedAt}, ${cases.id}) < (${after.openedAt.toISOString()}::timestamptz, ${after.id}::uuid)`,
      ]
    : conditions;
  const [rows, [total]] = await Promise.all([
    db
      .select()
      .from(cases)
      .where(and(...pageConditions))
      .orderBy(desc(cases.openedAt), desc(cases.id))
      .limit(first + 1),
    db
      .select({ value: count() })
      .from(cases)
      .where(and(...conditions)),
  ]);
  return { rows: rows.slice(0, first), hasNextPage: rows.length > first, totalCount: total?.value ?? 0 };
}

/**
 * Inserts a case, numbering it from the sequence in the same statement: `KP2MI-<year>-000123`, at
 * least six digits and never cut short once the numbers outgrow them.
 */
export async function insertCase(
  db: Database,
  year: string,
  values: Omit<typeof cases.$inferInsert, 'reference'>,
): Promise<CaseRow> {
  const reference = sql`(select ${`KP2MI-${year}-`}::text || lpad(s.n::text, greatest(6, length(s.n::text)), '0')
    from (select nextval('ministry.case_reference_seq') as n) as s)`;
  const [row] = await db
    .insert(cases)
    .values({ ...values, reference })
    .returning();
  if (!row) throw new Error('insert into cases returned no row');
  return row;
}

export async function updateCase(
  db: Database,
  id: string,
  values: Partial<Pick<CaseRow, 'status' | 'resolutionOutcome' | 'resolvedAt' | 'resolutionSummary'>>,
): Promise<CaseRow> {
  const [row] = await db
    .update(cases)
    .set({ ...values, updatedAt: new Date() })
    .where(eq(cases.id, id))
    .returning();
  if (!row) throw new Error(`case ${id} vanished during update`);
  return row;
}

/** Oldest first: a case's history reads top to bottom. */
export async function findNotesByCaseIds(db: Database, caseIds: readonly string[]): Promise<CaseNoteRow[]> {
  return db
    .select()
    .from(caseNotes)
    .where(anyOf(caseNotes.caseId, caseIds))
    .orderBy(asc(caseNotes.at), asc(caseNotes.id));
}

export async function insertNote(db: Database, values: typeof caseNotes.$inferInsert): Promise<CaseNoteRow> {
  const [row] = await db.insert(caseNotes).values(values).returning();
  if (!row) throw new Error('insert into case_notes returned no row');
  return row;
}
