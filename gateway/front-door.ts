import { getOperationAST, OperationTypeNode, parse } from 'graphql';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { callerKey, type Principal } from '../shared/auth/principal.js';
import type { TokenVerifier } from '../shared/auth/token-verifier.js';
import { UnauthenticatedError } from '../shared/errors.js';
import { bodyDigestOf, installBodyDigest } from '../shared/http/body-digest.js';
import { INVALID_SIGNATURE } from '../shared/http/gateway-signature.js';
import { SERVICE_CALL_HEADER, type ServiceCallVerifier } from '../shared/http/service-call.js';
import { sendRateLimited } from '../shared/http/refusal.js';
import { requestMetaOf } from '../shared/http/request-meta.js';
import { requestSpan } from '../shared/http/tracing.js';
import type { GatewayContext } from './context.js';
import { RequestDeadline } from './deadline.js';
import { requestHash, type IdempotencyStore } from './idempotency.js';
import { persistedQueryProblem } from './request-checks.js';
import { disclosedTo, type ReplayChecker } from './replays.js';
import type { RefusalReason } from './operation-metrics.js';
import type { ClientRateLimits } from './rate-limits.js';
import type { TrustedDocuments } from './trusted-documents.js';

/** What the front door learned about a request, for the GraphQL context and the response hook. */
interface Admitted {
  hub?: GatewayContext;
  /** Whose token it was, known before any later refusal (the operation log names the client). */
  principal?: Principal;
  /** The caller (callerKey: a machine client, or a person of the console) and the key it claimed. */
  idempotency?: { readonly clientId: string; readonly key: string };
}

export interface FrontDoor {
  /** The token limit, which Apollo's parse enforces (limits.ts); the front door parses no more. */
  readonly maxTokens: number;
  readonly verifyToken: TokenVerifier;
  readonly rateLimits: ClientRateLimits;
  readonly trustedDocuments: TrustedDocuments;
  readonly idempotency: IdempotencyStore;
  readonly replays: ReplayChecker;
  /** Recognises hub services' own narrow calls, signed with their own keys (service-call.ts). */
  readonly serviceCalls: ServiceCallVerifier;
  /** Counts each refusal by reason (`hub_refusals_total`). */
  readonly refused: (reason: RefusalReason) => void;
}

function refuse(reply: FastifyReply, status: number, code: string, message: string): FastifyReply {
  return reply
    .code(status)
    .type('application/json')
    .send({ errors: [{ message, extensions: { code } }] });
}

const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,255}$/;

/** Whether the request is a mutation (only asked of requests with an Idempotency-Key). */
function isMutation(body: Record<string, unknown>, maxTokens: number): boolean {
  if (typeof body['query'] !== 'string') return false;
  try {
    const operationName = typeof body['operationName'] === 'string' ? body['operationName'] : null;
    const document = parse(body['query'], { maxLexicalTokens: maxTokens });
    return getOperationAST(document, operationName)?.operation === OperationTypeNode.MUTATION;
  } catch {
    return false; // Apollo reports the syntax error, or the length, itself.
  }
}

/** Whether the request is a hub service's own call: unsigned (none), signed, or refused. */
async function serviceCallOf(
  door: FrontDoor,
  request: FastifyRequest,
  authorization: string,
): Promise<{ readonly kind: 'none' | 'signed' } | { readonly kind: 'refused'; readonly reason: string }> {
  const header = request.headers[SERVICE_CALL_HEADER];
  if (header === undefined) return { kind: 'none' };
  return door.serviceCalls.verify(header, {
    method: request.method,
    path: request.url,
    bodyDigest: bodyDigestOf(request),
    authorization,
  });
}

/**
 * Everything decided before a GraphQL request reaches planning, in this order: the token (401),
 * the client's rate (429 with Retry-After), trusted documents for restricted machine clients
 * (403), a persisted-query extension Apollo would refuse without a code (400), and idempotency
 * keys for mutations (a retry gets the first answer). The document's length in tokens (400) is
 * counted by Apollo's one parse of it (limits.ts), so no document is lexed twice. Apollo's own
 * context then only reads what was admitted.
 */
export function installFrontDoor(app: FastifyInstance, door: FrontDoor): FrontDoorDeadlines {
  // A service call binds its exact body: digest it as it arrives.
  installBodyDigest(app, [SERVICE_CALL_HEADER]);
  app.addHook('preHandler', async (request: FastifyRequest & Admitted, reply) => {
    if (request.routeOptions.url !== '/graphql' || request.method === 'OPTIONS') return;
    // A browser asking for the page (sent on to the explorer) carries no operation.
    if (request.method === 'GET' && !(request.query as Record<string, unknown>)['query']) return;

    const authorization = request.headers.authorization ?? '';
    let principal;
    try {
      principal = await door.verifyToken(authorization);
    } catch (error) {
      if (error instanceof UnauthenticatedError) {
        door.refused('authentication');
        return refuse(reply, 401, 'UNAUTHENTICATED', error.message);
      }
      throw error;
    }
    request.principal = principal;

    // A hub service acting for the caller (labour sending a consent fact on) runs its own
    // operation; the caller's token still decides what it may do. A signature that does not hold
    // is refused outright, never taken for an ordinary request.
    const serviceCall = await serviceCallOf(door, request, authorization);
    if (serviceCall.kind === 'refused') {
      request.log.warn({ reason: serviceCall.reason }, 'refused a service call with an invalid signature');
      door.refused('signature');
      return refuse(
        reply,
        401,
        INVALID_SIGNATURE,
        `This service call's signature does not hold: ${serviceCall.reason}.`,
      );
    }

    const caller = callerKey(principal);
    const rate = await door.rateLimits.consume(principal.institutionKind, caller);
    if (!rate.allowed) {
      door.refused('rate');
      return sendRateLimited(reply, rate);
    }

    const body = (
      request.method === 'POST' && typeof request.body === 'object' && request.body !== null
        ? request.body
        : request.query
    ) as Record<string, unknown>;
    const extensions =
      typeof body['extensions'] === 'object' && body['extensions'] !== null
        ? (body['extensions'] as Record<string, unknown>)
        : {};
    const persisted = extensions['persistedQuery'] as { sha256Hash?: unknown } | undefined;
    const trusted = await door.trustedDocuments.decide(
      principal.clientId,
      body['query'],
      persisted?.sha256Hash,
    );
    if (trusted.kind === 'refused' && serviceCall.kind !== 'signed') {
      door.refused('trusted_documents');
      return refuse(reply, 403, 'FORBIDDEN', trusted.reason);
    }
    if (trusted.kind === 'trusted' && request.method === 'POST') {
      body['query'] = trusted.query;
      delete extensions['persistedQuery'];
    }
    const persistedProblem = persistedQueryProblem(body['query'], body['extensions']);
    if (persistedProblem) return refuse(reply, 400, 'BAD_REQUEST', persistedProblem);

    const hub: GatewayContext = {
      principal,
      meta: requestMetaOf(request.headers, request.id, { person: principal.person }),
      authorization,
      deadline: new RequestDeadline(),
      span: requestSpan(request),
    };
    const key = request.headers['idempotency-key'];
    if (key !== undefined && isMutation(body, door.maxTokens)) {
      if (typeof key !== 'string' || !IDEMPOTENCY_KEY.test(key)) {
        door.refused('idempotency');
        return refuse(reply, 400, 'BAD_REQUEST', 'Idempotency-Key must be 1 to 255 printable characters.');
      }
      const start = await door.idempotency.begin(caller, key, requestHash(body));
      switch (start.kind) {
        case 'replay': {
          // Sent again only while the caller may still see all it held; otherwise the request
          // runs afresh and gets what any new request would (replays.ts).
          const verdict = await door.replays.check(start.disclosed, hub);
          request.log.info({ verdict }, 'idempotent retry');
          if (verdict === 'unavailable') {
            return refuse(
              reply,
              503,
              'SERVICE_UNAVAILABLE',
              'A service needed to answer this retry is unavailable right now. Try again shortly.',
            );
          }
          if (verdict === 'fresh') break;
          return reply
            .code(start.status)
            .type('application/json')
            .header('idempotent-replayed', 'true')
            .send(start.body);
        }
        case 'mismatch':
          door.refused('idempotency');
          return refuse(reply, 422, 'CONFLICT', 'This Idempotency-Key was used with a different request.');
        case 'in-progress':
          return refuse(
            reply,
            409,
            'CONFLICT',
            'A request with this Idempotency-Key is still being processed; retry shortly.',
          );
        case 'first':
          request.idempotency = { clientId: caller, key };
          request.hub = { ...hub, served: [] };
          return undefined;
      }
    }
    request.hub = hub;
    return undefined;
  });

  /** The first answer to an idempotent mutation is kept for its retries, unless it says "try again". */
  async function keepAnswer(request: FastifyRequest & Admitted, status: number, payload: string | null) {
    const claim = request.idempotency;
    const hub = request.hub;
    if (!claim || !hub) return;
    // An answer that never came (a streamed one) is not kept, nor released while a write may have run.
    if (payload === null) {
      if (hub.deadline?.passed && !hub.deadline.writeSent)
        await door.idempotency.release(claim.clientId, claim.key);
      return;
    }
    if (releasesKey(status, payload, hub.deadline)) await door.idempotency.release(claim.clientId, claim.key);
    else {
      await door.idempotency.complete(claim.clientId, claim.key, status, payload, {
        requestId: hub.meta.requestId,
        principal: disclosedTo(hub.principal),
        served: hub.served ?? [],
      });
    }
  }

  app.addHook('onSend', async (request: FastifyRequest & Admitted, reply, payload) => {
    // Past the deadline the client gets its 504 while the work runs on: the outcome, not this
    // answer, settles the key (passDeadline).
    if (typeof payload !== 'string' || request.hub?.deadline?.passed) return payload;
    await keepAnswer(request, reply.statusCode, payload);
    return payload;
  });

  return {
    passDeadline(request, outcome) {
      const admitted = request as FastifyRequest & Admitted;
      admitted.hub?.deadline?.pass();
      void outcome
        .catch((error: unknown) => {
          request.log.error({ err: error }, 'a request past its deadline ended without an answer');
          return { status: 500, body: null };
        })
        .then((late) => keepAnswer(admitted, late.status, late.body))
        .catch((error: unknown) =>
          request.log.error({ err: error }, 'could not keep the outcome of a mutation past its deadline'),
        );
    },
  };
}

/** What the request handler tells the front door when a request outlives its deadline. */
export interface FrontDoorDeadlines {
  /**
   * Stops the request's fetches (deadline.ts). An idempotent mutation keeps its key claimed (a
   * retry meanwhile is told it is still in progress) until `outcome` settles, then keeps that
   * outcome as any answer is kept, so that a retry gets it instead of writing again.
   */
  passDeadline(
    request: FastifyRequest,
    outcome: Promise<{ readonly status: number; readonly body: string | null }>,
  ): void;
}

const TRY_AGAIN = /"code":"(SERVICE_UNAVAILABLE|INTERNAL_SERVER_ERROR)"/;

/**
 * Whether an answer releases its idempotency key, so that the retry does the work: it says "try
 * again" (an outage, a 5xx, a timeout). Past the deadline, the `TIMEOUT` of parts never asked
 * does not release a key once a mutation was sent: it may have written, and a retry must get
 * this answer rather than write again. When none was sent, nothing was written.
 */
function releasesKey(status: number, payload: string, deadline: RequestDeadline | undefined): boolean {
  if (status >= 500 || TRY_AGAIN.test(payload)) return true;
  if (deadline?.passed) return !deadline.writeSent;
  return /"code":"TIMEOUT"/.test(payload);
}

/** The admitted request's context, or undefined for a request the front door refused or never saw. */
export function admittedHub(request: FastifyRequest): GatewayContext | undefined {
  return (request as FastifyRequest & Admitted).hub;
}

/** Who made the request, once its token was verified (even if it was refused after). */
export function callerOf(request: FastifyRequest): Principal | undefined {
  return (request as FastifyRequest & Admitted).principal;
}

/** The admitted request's context, for Apollo (the front door has already refused anything else). */
export function admittedContext(request: FastifyRequest): GatewayContext {
  const hub = (request as FastifyRequest & Admitted).hub;
  if (!hub) throw new UnauthenticatedError();
  return hub;
}
