import { eq } from 'drizzle-orm';
import { AccessRecorder } from '../../shared/audit/recorder.js';
import { CONSENT_FACT_FIELDS, consentCopies } from '../../shared/consent/copies.js';
import { recorderIdentity, type ConsentCopies } from '../../shared/consent/delivery-route.js';
import type { Database } from '../../shared/db/database.js';
import { consentFactEntity } from './audit.js';
import { upsertConsentFact } from './db/queries/consent-facts.js';
import { accessEvents, consentFacts, consentFeed } from './db/schema.js';

/**
 * The training subgraph's copies of the consents labour records (every fact, both purposes: a
 * university sees certifications under EMPOWERMENT consent), kept as shared/consent/copies.ts says.
 */
export function trainingConsentCopies(db: Database, copyMaxAgeSeconds: number): ConsentCopies {
  return consentCopies(db, consentFeed, copyMaxAgeSeconds, {
    held: async (tx, consentId) => {
      const [held] = await tx
        .select({
          sourceSeq: consentFacts.sourceSeq,
          workerId: consentFacts.workerId,
          purpose: consentFacts.purpose,
          granteeInstitutionId: consentFacts.granteeInstitutionId,
        })
        .from(consentFacts)
        .where(eq(consentFacts.consentId, consentId))
        .for('update');
      return held;
    },
    write: async (tx, fact) => {
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
      if (!row) throw new Error('the consent copy was not written');
      const { principal, meta } = recorderIdentity(fact.recordedBy);
      await new AccessRecorder('training', accessEvents, principal, meta).wrote(tx, [
        { ...consentFactEntity(row), fields: CONSENT_FACT_FIELDS },
      ]);
    },
  });
}
