import type { FastifyInstance } from 'fastify';
import type { Principal, RequestMeta } from '../auth/principal.js';
import type { KeyDirectory } from '../keys/directory.js';
import { sendRefusal } from '../http/refusal.js';
import type { Logger } from '../logging.js';
import {
  CONSENT_DELIVERY_LIFETIME_SECONDS,
  CONSENT_DELIVERY_PATH,
  CONSENT_DELIVERY_TYP,
  deliveredFactSchema,
  deliveryClaimsSchema,
  type ConsentGranteeService,
  type DeliveredFact,
  type DeliveryAcknowledgement,
  type RecordedBy,
} from './delivery.js';

/** A fact the grantee cannot take as sent (its consent id names another worker, say). */
export class FactRejected extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'FactRejected';
  }
}

export interface ConsentCopies {
  /** Takes one fact, idempotently; `unchanged` when this or a later fact was taken already. */
  apply(fact: DeliveredFact): Promise<'applied' | 'unchanged'>;
  /** Notes that as of `asOf` every fact for this service is here. */
  heartbeat(asOf: Date): Promise<void>;
}

export interface ConsentDeliveryRouteOptions {
  readonly service: ConsentGranteeService;
  readonly keys: KeyDirectory;
  readonly logger: Logger;
  readonly copies: ConsentCopies;
}

/**
 * The grantee's end of labour's consent channel. Only a JWT signed with labour's own key and
 * addressed to this service is read; the facts in it are applied one by one (a bad one is named
 * in the answer and does not hold up the rest), and the heartbeat is taken only when every fact
 * was. Labour counts a fact delivered once it is listed as applied or unchanged.
 */
export function installConsentDeliveryRoute(
  app: FastifyInstance,
  options: ConsentDeliveryRouteOptions,
): void {
  app.post(CONSENT_DELIVERY_PATH, async (request, reply) => {
    const delivery = (request.body as { delivery?: unknown } | null)?.delivery;
    if (typeof delivery !== 'string' || delivery.length === 0 || delivery.length > 1_000_000) {
      return sendRefusal(
        reply,
        400,
        'BAD_REQUEST',
        'The body must be { "delivery": "<JWT signed by labour>" }.',
      );
    }
    let payload;
    try {
      payload = await options.keys.verify('labour', delivery, {
        typ: CONSENT_DELIVERY_TYP,
        audience: options.service,
        maxAgeSeconds: CONSENT_DELIVERY_LIFETIME_SECONDS,
      });
    } catch (error) {
      options.logger.warn({ err: error }, 'refused a consent delivery not signed by labour for this service');
      return sendRefusal(
        reply,
        403,
        'DELIVERY_REFUSED',
        'Consent facts are taken only as signed by the labour subgraph for this service.',
      );
    }
    const claims = deliveryClaimsSchema.safeParse(payload);
    if (!claims.success) {
      return sendRefusal(
        reply,
        400,
        'BAD_REQUEST',
        `The delivery is malformed: ${claims.error.issues[0]?.message ?? ''}`,
      );
    }
    const taken = { applied: [] as number[], unchanged: [] as number[] };
    const rejected: DeliveryAcknowledgement['rejected'] = [];
    for (const raw of claims.data.facts) {
      const fact = deliveredFactSchema.safeParse(raw);
      const seq = (raw as { seq?: unknown } | null)?.seq;
      if (!fact.success) {
        const issue = fact.error.issues[0];
        rejected.push({
          seq: typeof seq === 'number' ? seq : null,
          code: 'BAD_USER_INPUT',
          message: `${issue?.path.join('.') ?? 'fact'}: ${issue?.message ?? 'invalid'}`,
        });
        continue;
      }
      try {
        const outcome = await options.copies.apply(fact.data);
        taken[outcome].push(fact.data.seq);
      } catch (error) {
        if (!(error instanceof FactRejected)) throw error;
        rejected.push({ seq: fact.data.seq, code: error.code, message: error.message });
      }
    }
    const heartbeat = claims.data.complete && rejected.length === 0;
    if (heartbeat) await options.copies.heartbeat(claims.data.asOf);
    if (rejected.length > 0) options.logger.error({ rejected }, 'could not take consent facts from labour');
    const acknowledgement: DeliveryAcknowledgement = { ...taken, rejected, heartbeat };
    return reply.code(200).send(acknowledgement);
  });
}

/** The desk that recorded a consent, as the grantee's access log names the writer of its copy. */
export function recorderIdentity(recordedBy: RecordedBy): { principal: Principal; meta: RequestMeta } {
  return {
    principal: {
      clientId: recordedBy.clientId,
      institutionId: recordedBy.institutionId,
      institutionKind: recordedBy.institutionKind,
      regionCode: recordedBy.regionCode,
      scopes: new Set(),
      person: null,
    },
    meta: {
      requestId: recordedBy.requestId,
      clientRequestId: recordedBy.clientRequestId,
      actingSubject: recordedBy.actingSubject,
      purpose: recordedBy.purpose,
      caseReference: recordedBy.caseReference,
    },
  };
}
