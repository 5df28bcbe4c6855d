import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Database } from '../shared/db/database.js';
import { findClient } from './clients.js';
import type { ClientRateLimits } from './rate-limits.js';

type Callback = () => (req: IncomingMessage, res: ServerResponse) => Promise<void>;

function basicClientId(header: string | undefined): string | null {
  const match = /^Basic ([A-Za-z0-9+/=]+)$/i.exec(header?.trim() ?? '');
  if (!match?.[1]) return null;
  const decoded = Buffer.from(match[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon <= 0) return null;
  try {
    return decodeURIComponent(decoded.slice(0, colon).replace(/\+/g, ' '));
  } catch {
    return null;
  }
}

/**
 * Whose budget a token request spends. A machine client's attempts cost a slow secret hash, so
 * they are limited per claimed client (or address); a person's code or refresh token is its own
 * key, so that one console user cannot use up the console's budget for everyone.
 */
function rateKey(form: URLSearchParams, request: FastifyRequest): string {
  const grant = form.get('grant_type');
  const artefact =
    grant === 'authorization_code'
      ? form.get('code')
      : grant === 'refresh_token'
        ? form.get('refresh_token')
        : null;
  if (artefact) return `grant:${createHash('sha256').update(artefact).digest('hex')}`;
  const claimedClient = form.get('client_id') ?? basicClientId(request.headers.authorization);
  return claimedClient ?? `ip:${request.ip}`;
}

function tooMany(reply: FastifyReply, retryAfterSeconds: number) {
  return reply
    .code(429)
    .header('retry-after', String(retryAfterSeconds))
    .send({
      error: 'temporarily_unavailable',
      error_description: `Too many token requests; retry after ${retryAfterSeconds} s.`,
    });
}

/**
 * Serves oidc-provider's endpoints: `POST /oauth/token` (client credentials, authorization code,
 * refresh token), `GET /oauth/auth` and its resume path (the console's sign-in), and
 * `POST /oauth/token/revocation` (sign-out). RFC 6749 lets the server pick a default scope when a
 * machine client names none; ours is everything the client is registered for (oidc-provider
 * would grant no scope at all).
 */
export function mountOAuthRoutes(
  app: FastifyInstance,
  db: Database,
  callback: Callback,
  rateLimits: ClientRateLimits,
): void {
  const forward = async (request: FastifyRequest, reply: FastifyReply, body?: string) => {
    // oidc-provider reads an already-consumed body from `req.body`.
    if (body !== undefined) (request.raw as IncomingMessage & { body?: string }).body = body;
    reply.hijack();
    await callback()(request.raw, reply.raw);
  };
  app.get('/oauth/auth', (request, reply) => forward(request, reply));
  app.get('/oauth/auth/:uid', (request, reply) => forward(request, reply));
  void app.register((scope, _options, done) => {
    // Any body reaches the handler as text; oidc-provider answers a wrong one with invalid_request.
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', { parseAs: 'string', bodyLimit: 16 * 1024 }, (_request, body, done) =>
      done(null, body),
    );
    scope.post('/oauth/token', async (request, reply) => {
      const form = new URLSearchParams(typeof request.body === 'string' ? request.body : '');
      const rate = await rateLimits.consumeTokenRequest(rateKey(form, request));
      if (!rate.allowed) return tooMany(reply, rate.retryAfterSeconds);
      const claimedClient = form.get('client_id') ?? basicClientId(request.headers.authorization);
      if (form.get('grant_type') === 'client_credentials' && !form.has('scope')) {
        const record = claimedClient ? await findClient(db, claimedClient) : null;
        if (record) form.set('scope', record.client.scopes.join(' '));
      }
      await forward(request, reply, form.toString());
    });
    scope.post('/oauth/token/revocation', async (request, reply) => {
      const form = new URLSearchParams(typeof request.body === 'string' ? request.body : '');
      const rate = await rateLimits.consumeTokenRequest(
        rateKey(
          new URLSearchParams({ grant_type: 'refresh_token', refresh_token: form.get('token') ?? '' }),
          request,
        ),
      );
      if (!rate.allowed) return tooMany(reply, rate.retryAfterSeconds);
      await forward(request, reply, form.toString());
    });
    done();
  });
}
