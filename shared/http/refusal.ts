import type { FastifyReply } from 'fastify';
import type { RateDecision } from '../limits/sliding-window.js';

/** A refusal before GraphQL runs, in the GraphQL error shape every service answers with. */
export function sendRefusal(
  reply: FastifyReply,
  status: number,
  code: string,
  message: string,
): FastifyReply {
  return reply
    .code(status)
    .type('application/json')
    .send({ errors: [{ message, extensions: { code } }] });
}

/** HTTP 429 with `Retry-After`: the same answer from the gateway and from a subgraph. */
export function sendRateLimited(reply: FastifyReply, decision: RateDecision): FastifyReply {
  void reply.header('retry-after', String(decision.retryAfterSeconds));
  return sendRefusal(
    reply,
    429,
    'RATE_LIMITED',
    `Too many requests from this client; retry after ${decision.retryAfterSeconds} s.`,
  );
}
