import { callerKey } from '../auth/principal.js';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { TokenVerifier } from '../auth/token-verifier.js';
import type { HubConfig } from '../config.js';
import { ClientRates } from '../limits/client-rates.js';
import { tokenLimitRefusal } from '../limits/document-limits.js';
import { sendRateLimited, sendRefusal } from './refusal.js';

export interface DirectLimitOptions {
  readonly limits: HubConfig['limits'];
  readonly rateLimits: HubConfig['rateLimits'];
  /** False in production: refusals do not say what the limits are. */
  readonly exposeLimits: boolean;
  readonly verifyToken: TokenVerifier;
  /** Whether the gateway's signature on the request was verified (gateway-requests.ts). */
  readonly viaGateway: (request: FastifyRequest) => boolean;
}

/**
 * A subgraph's front door for requests that do not carry the gateway's signature: the same
 * per-client rate limit (429 with Retry-After), body limit (413) and token count (400) as the
 * gateway, before Apollo parses anything. (The body limit comes after the token here: the
 * subgraph's HTTP layer accepts the larger bodies of signed fetches, and the signature binds the
 * body, so it is only checked once the body is read.) The document limits follow in
 * Apollo (`documentLimitsPlugin`). The gateway's signed fetches are exempt: the gateway checked
 * the whole operation and counted the client's request once, and one operation becomes several
 * fetches, `_entities` for many entities at once.
 */
export function installDirectLimits(app: FastifyInstance, options: DirectLimitOptions): void {
  const { limits, exposeLimits } = options;
  const rates = new ClientRates(options.rateLimits);
  app.addHook('preHandler', async (request, reply) => {
    if (request.routeOptions.url !== '/graphql' || request.method === 'OPTIONS') return undefined;
    if (options.viaGateway(request)) return undefined;
    let principal;
    try {
      principal = await options.verifyToken(request.headers.authorization ?? '');
    } catch {
      return undefined; // Apollo's context verifies the token again and answers as it always has.
    }
    const rate = rates.consume(principal.institutionKind, callerKey(principal));
    if (!rate.allowed) return sendRateLimited(reply, rate);

    const post = request.method === 'POST';
    if (post && bodyBytes(request.headers['content-length'], request.body) > limits.bodyBytes) {
      return sendRefusal(reply, 413, 'PAYLOAD_TOO_LARGE', 'The request body is too large.');
    }
    const fields = (post ? request.body : request.query) as Record<string, unknown> | undefined;
    const tooLong = tokenLimitRefusal(fields?.['query'], limits.maxTokens, exposeLimits);
    if (tooLong) return sendRefusal(reply, 400, 'GRAPHQL_PARSE_FAILED', tooLong);
    return undefined;
  });
}

/** The body's size as sent, or as JSON when it came in chunks without a length. */
function bodyBytes(contentLength: string | undefined, body: unknown): number {
  const declared = Number(contentLength);
  if (Number.isFinite(declared) && contentLength !== undefined) return declared;
  return Buffer.byteLength(JSON.stringify(body) ?? '');
}
