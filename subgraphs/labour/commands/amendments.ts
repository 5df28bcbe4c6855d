import type { Database } from '../../../shared/db/database.js';
import { ConflictError } from '../../../shared/errors.js';
import type { Context } from '../context.js';
import type { AmendedValue, AmendmentRow, amendmentKind } from '../db/schema.js';
import { insertAmendment } from '../db/queries/amendments.js';

type Value = string | number | null | undefined;

function asText(value: Value): string | null {
  return value === null || value === undefined ? null : String(value);
}

/**
 * The fields whose value the correction changes, old beside new, named as on the GraphQL type
 * (`jobOrder` for `jobOrderId`), so that the amendment can be shown under that field's read rule.
 * A value given but equal to the stored one is no change.
 */
export function changesBetween<T extends object>(
  stored: T,
  wanted: Partial<T>,
  graphQLName: (field: string) => string = (field) => field,
): AmendedValue[] {
  const changes: AmendedValue[] = [];
  for (const [field, value] of Object.entries(wanted)) {
    if (value === undefined) continue;
    const before = asText((stored as Record<string, Value>)[field]);
    const after = asText(value as Value);
    if (before !== after) changes.push({ field: graphQLName(field), old: before, new: after });
  }
  return changes;
}

export interface AmendmentFacts {
  readonly kind: (typeof amendmentKind.enumValues)[number];
  readonly entityType: 'Worker' | 'Placement';
  readonly entityId: string;
  readonly workerId: string;
  readonly changes: readonly AmendedValue[];
  /** Required for every correction; optional only for `WORKER_UPDATED`. */
  readonly reason: string | null;
  readonly supportingDocumentId?: string;
}

/** Keeps the replaced values with who, when and why, in the transaction of the correction itself. */
export async function recordAmendment(
  tx: Database,
  context: Context,
  facts: AmendmentFacts,
): Promise<AmendmentRow> {
  return insertAmendment(tx, {
    ...facts,
    changes: [...facts.changes],
    supportingDocumentId: facts.supportingDocumentId ?? null,
    amendedBy: context.principal.institutionId,
    clientId: context.principal.clientId,
    actingSubject: context.meta.actingSubject,
    requestId: context.meta.requestId,
  });
}

/**
 * Refuses the correction when the record changed between the checks and the write (another
 * correction at the same moment): its status, or a value the amendment says it replaced.
 */
export function assertUnchangedSince<T extends { readonly status: string }>(
  checked: T,
  current: T | null,
  columns: readonly string[],
): void {
  const same =
    current !== null &&
    current.status === checked.status &&
    columns.every(
      (column) =>
        asText((current as Record<string, Value>)[column]) ===
        asText((checked as Record<string, Value>)[column]),
    );
  if (!same)
    throw new ConflictError('This record changed while it was being corrected; read it again and retry.');
}
