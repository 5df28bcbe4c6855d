import { GraphQLError } from 'graphql';
import type { Context } from './context.js';
import type { ConsentRow } from './db/schema.js';

/**
 * A consent binds where the grantee's data lives: the training subgraph for TRAINING, the
 * university subgraph for EMPOWERMENT. Each keeps its own record of the consent facts its rule
 * needs, sent here through the gateway with the labour officer's own identity.
 */
const MUTATION_BY_PURPOSE = {
  TRAINING: 'recordTrainingConsent',
  EMPOWERMENT: 'recordEmpowermentConsent',
} as const;

export class ConsentSyncError extends GraphQLError {
  constructor(message: string, code: string) {
    super(message, { extensions: { code } });
  }
}

/** Sends the consent as it now stands (granted, expiring, or revoked) to the grantee's subgraph. */
export async function sendConsentFact(
  context: Context,
  consent: ConsentRow,
  workerDistrictCode: string,
): Promise<void> {
  const field = MUTATION_BY_PURPOSE[consent.purpose];
  const result = await context.graph.execute<Record<string, { active: boolean }>>(
    `mutation SendConsentFact($fact: ConsentFactInput!) { ${field}(fact: $fact) { active } }`,
    {
      fact: {
        consentId: consent.id,
        workerId: consent.workerId,
        workerDistrictCode,
        granteeInstitutionId: consent.granteeInstitutionId,
        grantedAt: consent.grantedAt.toISOString(),
        expiresAt: consent.expiresAt?.toISOString() ?? null,
        revokedAt: consent.revokedAt?.toISOString() ?? null,
      },
    },
    { authorization: context.authorization, meta: context.meta },
  );
  const [error] = result.errors;
  if (error) {
    const code = error.extensions?.code;
    // The grantee's subgraph decides whether the grantee exists and takes this purpose; its
    // refusal is the caller's to fix, anything else is ours.
    if (code === 'BAD_USER_INPUT' || code === 'NOT_FOUND') {
      throw new ConsentSyncError(
        `The grantee could not record this consent: ${error.message}`,
        'BAD_USER_INPUT',
      );
    }
    throw new ConsentSyncError(
      'The grantee institution could not be reached; nothing was recorded. Try again.',
      'SERVICE_UNAVAILABLE',
    );
  }
}
