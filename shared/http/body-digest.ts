import type { FastifyInstance, FastifyRequest } from 'fastify';
import { bodyDigest } from './request-binding.js';

const digests = new WeakMap<FastifyRequest, string>();

/**
 * Replaces the JSON body parser with one that first digests the raw text, for requests that carry
 * one of `signatureHeaders` (a signed request binds its exact body; re-serialising the parsed
 * JSON would not give the same bytes). Parsing itself is Fastify's own, so a bad body still fails
 * with FST_ERR_CTP_* and the answer it always had.
 */
export function installBodyDigest(app: FastifyInstance, signatureHeaders: readonly string[]): void {
  const parseJson = app.getDefaultJsonParser(
    app.initialConfig.onProtoPoisoning ?? 'error',
    app.initialConfig.onConstructorPoisoning ?? 'error',
  );
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    const text = typeof body === 'string' ? body : body.toString('utf8');
    if (signatureHeaders.some((header) => request.headers[header] !== undefined))
      digests.set(request, bodyDigest(text));
    // Fastify's own parser is synchronous and reports through `done`.
    void parseJson(request, text, done);
  });
}

/** The digest of the raw body, for a request with a body that carried a signature header. */
export function bodyDigestOf(request: FastifyRequest): string {
  // No body was parsed (a GET): the digest of nothing.
  return digests.get(request) ?? bodyDigest('');
}
