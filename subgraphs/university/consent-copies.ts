import { eq } from 'drizzle-orm';
import { AccessRecorder } from '../../shared/audit/recorder.js';
import type { DeliveredFact } from '../../shared/consent/delivery.js';
import { FactRejected, recorderIdentity, type ConsentCopies } from '../../shared/consent/delivery-route.js';
import { recordHeartbeat } from '../../shared/consent/feed.js';
import type { Database } from '../../shared/db/database.js';
import { consentFactEntity } from './audit.js';
import { upsertConsentFact } from './db/queries/consent-facts.js';
import { accessEvents, consentFacts, consentFeed } from './db/schema.js';

/**
 * The university subgraph's copies of the consents labour records, as labour delivers them (every
 * fact, as training keeps them too). Labour checked the grantee and the worker before it recorded
 * the consent; here a fact is only refused when its consent id is already recorded for another
 * worker, grantee or purpose.
 */
export function universityConsentCopies(db: Database, copyMaxAgeSeconds: number): ConsentCopies {
  return {
    apply: (fact) => applyFact(db, fact),
    heartbeat: (asOf) => recordHeartbeat(db, consentFeed, asOf, copyMaxAgeSeconds),
  };
}

async function applyFact(db: Database, fact: DeliveredFact): Promise<'applied' | 'unchanged'> {
  return db.transaction(async (tx) => {
    const [existing] = await tx
      .select({
        sourceSeq: consentFacts.sourceSeq,
        workerId: consentFacts.workerId,
        purpose: consentFacts.purpose,
        granteeInstitutionId: consentFacts.granteeInstitutionId,
      })
      .from(consentFacts)
      .where(eq(consentFacts.consentId, fact.consentId))
      .for('update');
    // Labour numbers its facts: this one, or a later one for the same consent, is here already.
    if (
      existing &&
      (existing.workerId !== fact.workerId ||
        existing.purpose !== fact.purpose ||
        existing.granteeInstitutionId !== fact.granteeInstitutionId)
    )
      throw new FactRejected(
        'CONFLICT',
        'This consent is already recorded for another worker, grantee or purpose.',
      );
    if (existing?.sourceSeq != null && existing.sourceSeq >= fact.seq) return 'unchanged';
    const row = await upsertConsentFact(tx, {
      consentId: fact.consentId,
      workerId: fact.workerId,
      purpose: fact.purpose,
      granteeInstitutionId: fact.granteeInstitutionId,
      workerDistrictCode: fact.workerDistrictCode,
      grantedAt: fact.grantedAt,
      expiresAt: fact.expiresAt,
      revokedAt: fact.revokedAt,
      sourceSeq: fact.seq,
    });
    const { principal, meta } = recorderIdentity(fact.recordedBy);
    await new AccessRecorder('university', accessEvents, principal, meta).wrote(tx, [
      { ...consentFactEntity(row), fields: FACT_FIELDS },
    ]);
    return 'applied';
  });
}

const FACT_FIELDS = [
  'consentId',
  'workerId',
  'purpose',
  'workerDistrictCode',
  'granteeInstitutionId',
  'grantedAt',
  'expiresAt',
  'revokedAt',
];
