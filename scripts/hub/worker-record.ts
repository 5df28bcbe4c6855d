import { randomUUID } from 'node:crypto';
import { eq, getTableColumns, inArray, is, or, type Column } from 'drizzle-orm';
import { getTableConfig, PgTable } from 'drizzle-orm/pg-core';
import type { SubgraphName } from '../../shared/config.js';
import { SUBGRAPH_NAMES } from '../../shared/config.js';
import type { Database } from '../../shared/db/database.js';
import { accessEventView, type AccessEventView } from '../../shared/audit/access-log.js';
import type { AccessEventsTable } from '../../shared/audit/table.js';
import * as labourSchema from '../../subgraphs/labour/db/schema.js';
import * as ministrySchema from '../../subgraphs/ministry/db/schema.js';
import * as trainingSchema from '../../subgraphs/training/db/schema.js';
import * as universitySchema from '../../subgraphs/university/db/schema.js';

const SCHEMAS: Readonly<Record<SubgraphName, Record<string, unknown>>> = {
  labour: labourSchema,
  ministry: ministrySchema,
  training: trainingSchema,
  university: universitySchema,
};

type Row = Record<string, unknown>;

export class UnknownWorkerError extends Error {
  constructor(readonly workerId: string) {
    super(`No worker ${workerId} is registered at the labour office.`);
    this.name = 'UnknownWorkerError';
  }
}

/** Who answered the worker's request, as the access log records the export. */
export interface ExportRequest {
  readonly workerId: string;
  readonly institution: { readonly id: string; readonly kind: string };
  readonly reference: string;
  readonly operator: string;
}

export interface WorkerRecord {
  readonly workerId: string;
  readonly exportedAt: string;
  readonly requestReference: string;
  /** Every row about her, per institution's subgraph and table. */
  readonly records: Record<SubgraphName, Record<string, Row[]>>;
  /** Who read or wrote her data, where, when, which fields and for what purpose: oldest first. */
  readonly accessHistory: AccessEventView[];
}

const tablesOf = (schema: Record<string, unknown>): PgTable[] =>
  Object.values(schema).filter((value): value is PgTable => is(value, PgTable));

const propertyOf = (table: PgTable, column: Column): string => {
  const entry = Object.entries(getTableColumns(table)).find(([, candidate]) => candidate === column);
  if (!entry) throw new Error(`column ${column.name} is not in its table`);
  return entry[0];
};

/**
 * Every row of one subgraph about one worker, found from the schema itself so that a table added
 * later cannot be forgotten: rows with her `worker_id` (her labour record by its id), then rows
 * that reference those (a case's notes, a consent's deliveries), until nothing new is reached.
 */
async function rowsAbout(
  db: Database,
  subgraph: SubgraphName,
  workerId: string,
  accessEvents: AccessEventsTable,
): Promise<Record<string, Row[]>> {
  const tables = tablesOf(SCHEMAS[subgraph]).filter((table) => table !== accessEvents);
  const found = new Map<PgTable, Row[]>();
  for (const table of tables) {
    const { name, columns } = getTableConfig(table);
    const key =
      subgraph === 'labour' && name === 'workers'
        ? columns.find((column) => column.name === 'id')
        : columns.find((column) => column.name === 'worker_id');
    if (key) found.set(table, await db.select().from(table).where(eq(key, workerId)));
  }
  for (let reachedNew = true; reachedNew;) {
    reachedNew = false;
    for (const child of tables) {
      if (found.has(child)) continue;
      const references = getTableConfig(child)
        .foreignKeys.map((foreignKey) => foreignKey.reference())
        .filter((reference) => found.has(reference.foreignTable) && reference.columns.length === 1);
      if (references.length === 0) continue;
      const conditions = references.flatMap(({ columns, foreignColumns, foreignTable }) => {
        const parentKey = propertyOf(foreignTable, foreignColumns[0]!);
        const ids = found
          .get(foreignTable)!
          .map((row) => row[parentKey])
          .filter((id) => id !== null && id !== undefined);
        return ids.length > 0 ? [inArray(columns[0]!, ids)] : [];
      });
      found.set(
        child,
        conditions.length === 0
          ? []
          : await db
              .select()
              .from(child)
              .where(or(...conditions)),
      );
      reachedNew = true;
    }
  }
  return Object.fromEntries([...found].map(([table, rows]) => [getTableConfig(table).name, rows]));
}

/**
 * The data subject's right of access (UU PDP Art. 32): her complete record at all four
 * institutions and the processing trail of it. The export is itself an access: it is logged in
 * every subgraph's chain before the record is read, naming the institution that answers her
 * request, its reference and the operator.
 */
export async function exportWorkerRecord(
  databases: Readonly<Record<SubgraphName, Database>>,
  request: ExportRequest,
): Promise<WorkerRecord> {
  const [worker] = await databases.labour
    .select({ districtCode: labourSchema.workers.districtCode })
    .from(labourSchema.workers)
    .where(eq(labourSchema.workers.id, request.workerId));
  if (!worker) throw new UnknownWorkerError(request.workerId);
  const requestId = `cli-${randomUUID()}`;
  const records = {} as Record<SubgraphName, Record<string, Row[]>>;
  const accessHistory: AccessEventView[] = [];
  for (const subgraph of SUBGRAPH_NAMES) {
    const accessEvents = SCHEMAS[subgraph]['accessEvents'] as AccessEventsTable;
    const db = databases[subgraph];
    await db.insert(accessEvents).values({
      requestId,
      subgraph,
      institutionId: request.institution.id,
      institutionKind: request.institution.kind,
      clientId: 'hub-cli',
      actingSubject: request.operator,
      purpose: 'DATA_SUBJECT_ACCESS',
      caseReference: request.reference,
      action: 'READ',
      entityType: 'Worker',
      entityId: request.workerId,
      workerId: request.workerId,
      workerDistrictCode: subgraph === 'labour' ? worker.districtCode : null,
      fields: ['completeRecord', 'accessHistory'],
    });
    records[subgraph] = await rowsAbout(db, subgraph, request.workerId, accessEvents);
    const events = await db.select().from(accessEvents).where(eq(accessEvents.workerId, request.workerId));
    accessHistory.push(...events.map(accessEventView));
  }
  accessHistory.sort((a, b) => new Date(a.at).getTime() - new Date(b.at).getTime());
  return {
    workerId: request.workerId,
    exportedAt: new Date().toISOString(),
    requestReference: request.reference,
    records,
    accessHistory,
  };
}
