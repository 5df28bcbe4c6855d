import type { Database } from '../db/database.js';
import type { DeliveredFact } from './delivery.js';
import { FactRejected, type ConsentCopies } from './delivery-route.js';
import { recordHeartbeat, type ConsentFeedTable } from './feed.js';

/** A grantee's copy of one consent as it stands, read under a row lock. */
export interface HeldCopy {
  readonly sourceSeq: number | null;
  readonly workerId: string;
  readonly purpose: string;
  readonly granteeInstitutionId: string;
}

/** Transactions as drizzle hands them to `db.transaction` (shared by both drivers). */
type Transaction = Parameters<Parameters<Database['transaction']>[0]>[0];

/** Where a grantee subgraph keeps its copies; each has its own table in its own schema. */
export interface CopyStore {
  /** The copy of this consent, locked for the rest of the transaction; undefined when there is none. */
  held(tx: Transaction, consentId: string): Promise<HeldCopy | undefined>;
  /** Writes the fact (a revocation stays final) and records the write in the service's access log. */
  write(tx: Transaction, fact: DeliveredFact): Promise<void>;
}

/**
 * A grantee's copies of the consents labour records, as labour delivers them. Labour checked the
 * grantee and the worker before it recorded the consent, so a fact is refused only when its
 * consent id is already held for another worker, grantee or purpose; a fact numbered at or below
 * the one held is one taken already (a repeated delivery changes and logs nothing).
 */
export function consentCopies(
  db: Database,
  feed: ConsentFeedTable,
  copyMaxAgeSeconds: number,
  store: CopyStore,
): ConsentCopies {
  return {
    apply: (fact) =>
      db.transaction(async (tx) => {
        const held = await store.held(tx, fact.consentId);
        if (
          held &&
          (held.workerId !== fact.workerId ||
            held.purpose !== fact.purpose ||
            held.granteeInstitutionId !== fact.granteeInstitutionId)
        )
          throw new FactRejected(
            'CONFLICT',
            'This consent is already recorded for another worker, grantee or purpose.',
          );
        if (held?.sourceSeq != null && held.sourceSeq >= fact.seq) return 'unchanged';
        await store.write(tx, fact);
        return 'applied';
      }),
    heartbeat: (asOf) => recordHeartbeat(db, feed, asOf, copyMaxAgeSeconds),
  };
}

/** The fields of a consent fact, as a grantee's access log names what a delivery wrote. */
export const CONSENT_FACT_FIELDS = [
  'consentId',
  'workerId',
  'purpose',
  'workerDistrictCode',
  'granteeInstitutionId',
  'grantedAt',
  'expiresAt',
  'revokedAt',
];
