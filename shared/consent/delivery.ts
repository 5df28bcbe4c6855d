import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { INSTITUTION_KINDS } from '../auth/principal.js';
import type { ServiceKeyRing } from '../keys/service-keys.js';
import { regionCode } from '../validation/input.js';

/**
 * How the labour subgraph hands consent facts to the grantees' subgraphs: straight to them over
 * HTTP, never through a client-facing mutation, as one JWT signed with labour's own key (no other
 * service, and no client, can produce one). The same envelope doubles as the heartbeat: when it
 * holds every fact still pending for the grantee, `complete` says "as of `asOf`, you have
 * everything", and only while that statement is recent does the grantee use its consent copies.
 */
export const CONSENT_DELIVERY_PATH = '/internal/consent-facts';
export const CONSENT_DELIVERY_TYP = 'consent-delivery+jwt';
/** A delivery is sent at once; one older than this is refused (it also expires sooner, see below). */
export const CONSENT_DELIVERY_LIFETIME_SECONDS = 60;

/** The services that keep copies of every consent fact. */
export const CONSENT_GRANTEE_SERVICES = ['training', 'university'] as const;
export type ConsentGranteeService = (typeof CONSENT_GRANTEE_SERVICES)[number];

const isoDate = z.iso.datetime({ offset: true }).transform((value) => new Date(value));

/** Who recorded the consent at the desk: the grantee files its WRITE event under them. */
export const recordedBySchema = z.object({
  institutionId: z.uuid(),
  institutionKind: z.enum(INSTITUTION_KINDS),
  regionCode: z.string().max(20).nullable(),
  clientId: z.string().min(1).max(200),
  actingSubject: z.string().max(200).nullable(),
  requestId: z.string().min(1).max(200),
  clientRequestId: z.string().max(200).nullable(),
  purpose: z.string().max(200).nullable(),
  caseReference: z.string().max(200).nullable(),
});
export type RecordedBy = z.infer<typeof recordedBySchema>;

/** One consent as it stood when labour recorded a grant or a revocation, numbered by labour's outbox. */
export const deliveredFactSchema = z
  .object({
    seq: z.number().int().positive(),
    consentId: z.uuid(),
    workerId: z.uuid(),
    purpose: z.enum(['TRAINING', 'EMPOWERMENT']),
    workerDistrictCode: regionCode('DISTRICT'),
    granteeInstitutionId: z.uuid(),
    grantedAt: isoDate,
    expiresAt: isoDate.nullable(),
    revokedAt: isoDate.nullable(),
    recordedBy: recordedBySchema,
  })
  .superRefine((fact, context) => {
    for (const field of ['expiresAt', 'revokedAt'] as const) {
      const later = fact[field];
      if (later && later < fact.grantedAt)
        context.addIssue({ code: 'custom', path: [field], message: 'must not be before grantedAt' });
    }
  });
export type DeliveredFact = z.infer<typeof deliveredFactSchema>;

/** What labour writes into its outbox and signs: the same fact with dates as ISO strings. */
export type OutgoingFact = Omit<DeliveredFact, 'seq' | 'grantedAt' | 'expiresAt' | 'revokedAt'> & {
  readonly grantedAt: string;
  readonly expiresAt: string | null;
  readonly revokedAt: string | null;
};

export const MAX_FACTS_PER_DELIVERY = 100;

/** The signed claims; facts are checked one by one, so one bad fact cannot block the others. */
export const deliveryClaimsSchema = z.object({
  asOf: isoDate,
  complete: z.boolean(),
  facts: z.array(z.unknown()).max(MAX_FACTS_PER_DELIVERY),
});

/** The grantee's answer: every fact it took (or already had), and those it could not take. */
export interface DeliveryAcknowledgement {
  readonly applied: number[];
  readonly unchanged: number[];
  readonly rejected: { readonly seq: number | null; readonly code: string; readonly message: string }[];
  /** Whether the grantee took the delivery as its heartbeat (complete, and nothing rejected). */
  readonly heartbeat: boolean;
}

export interface DeliveryContent {
  readonly asOf: Date;
  readonly complete: boolean;
  readonly facts: readonly (OutgoingFact & { readonly seq: number })[];
}

/** Signs a delivery for one grantee service with labour's key (short-lived, with a nonce). */
export function signConsentDelivery(
  labourKeys: ServiceKeyRing,
  audience: ConsentGranteeService,
  content: DeliveryContent,
): Promise<string> {
  return labourKeys.sign(
    {
      asOf: content.asOf.toISOString(),
      complete: content.complete,
      facts: [...content.facts],
      jti: randomUUID(),
    },
    { typ: CONSENT_DELIVERY_TYP, audience, lifetimeSeconds: CONSENT_DELIVERY_LIFETIME_SECONDS },
  );
}
