import { GraphQLError } from 'graphql';
import { CONSENT_FACT, consentFactClaims } from '../../shared/auth/attestation.js';
import type { Context } from './context.js';
import type { ConsentRow } from './db/schema.js';

/**
 * A consent binds where the grantee's data lives. The training and university subgraphs each keep
 * the consent facts their own rules need (a university may see certifications, so training needs
 * EMPOWERMENT consents too); both get every fact, in one operation through the gateway, sent with
 * the labour officer's own identity. The subgraph that serves the grantee's kind checks that the
 * grantee exists and takes this purpose. The fact carries this subgraph's attestation: the
 * officer's token says who sends it, the attestation that the labour subgraph wrote it.
 */
const SHARE_CONSENT_FACT = /* GraphQL */ `
  mutation ShareConsentFact($fact: ConsentFactInput!) {
    training: shareConsentWithTraining(fact: $fact) {
      active
    }
    universities: shareConsentWithUniversities(fact: $fact) {
      active
    }
  }
`;

export class ConsentSyncError extends GraphQLError {
  constructor(message: string, code: string) {
    super(message, { extensions: { code } });
  }
}

/** Sends the consent as it now stands (granted, expiring, or revoked) to the grantees' subgraphs. */
export async function sendConsentFact(
  context: Context,
  consent: ConsentRow,
  workerDistrictCode: string,
): Promise<void> {
  const claims = {
    consentId: consent.id,
    workerId: consent.workerId,
    purpose: consent.purpose,
    workerDistrictCode,
    granteeInstitutionId: consent.granteeInstitutionId,
    grantedAt: consent.grantedAt,
    expiresAt: consent.expiresAt,
    revokedAt: consent.revokedAt,
  };
  const result = await context.graph.execute<{
    training: { active: boolean } | null;
    universities: { active: boolean } | null;
  }>(
    SHARE_CONSENT_FACT,
    {
      fact: {
        ...claims,
        grantedAt: claims.grantedAt.toISOString(),
        expiresAt: claims.expiresAt?.toISOString() ?? null,
        revokedAt: claims.revokedAt?.toISOString() ?? null,
        attestation: context.attestations.sign(CONSENT_FACT, consentFactClaims(claims)),
      },
    },
    { authorization: context.authorization, meta: context.meta },
  );
  const [error] = result.errors;
  if (error || !result.data?.training || !result.data.universities) {
    const code = error?.extensions?.code;
    // A refusal on the merits is the caller's to fix; anything else is an outage on our side.
    if (code === 'BAD_USER_INPUT' || code === 'NOT_FOUND') {
      throw new ConsentSyncError(
        `The grantee could not record this consent: ${error?.message ?? ''}`,
        'BAD_USER_INPUT',
      );
    }
    throw new ConsentSyncError(
      'The grantee institutions could not be reached, so nothing was recorded. Try again.',
      'SERVICE_UNAVAILABLE',
    );
  }
}
