import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Logger } from '../shared/logging.js';
import { pageHeaders } from './page-headers.js';
import { CONSOLE_DIST } from './console.js';

/** Where scripts/build-console.ts puts the explorer (GraphiQL from npm, bundled with the console). */
export const EXPLORER_DIST = new URL('explorer/', CONSOLE_DIST);
export const EXPLORER_PATH = '/explorer';
const EXPLORER_ASSETS_PREFIX = '/explorer/assets/';

/**
 * The explorer runs only its own files and talks only to this gateway. One allowance beyond the
 * console's policy, still local: GraphiQL's stylesheet carries its fonts (Roboto, Fira Code) and
 * icons as `data:` URLs rather than fetching them from a font service.
 */
export const EXPLORER_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'none'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * A browser opening `/graphql` itself (no operation, asking for HTML) wants the explorer; API
 * clients, which send an operation or ask for JSON, never match.
 */
export function wantsExplorerPage(request: FastifyRequest): boolean {
  if (request.method !== 'GET') return false;
  const query = request.query as Record<string, unknown> | undefined;
  if (query?.['query'] !== undefined) return false;
  return (request.headers.accept ?? '').includes('text/html');
}

/**
 * Serves the bundled explorer at `/explorer` with its assets, when the configuration enables it
 * (`EXPLORER_ENABLED`; on outside production by default). Disabled, its paths stay the gateway's
 * JSON 404. Returns whether it is served, so `/graphql` knows whether to send browsers there.
 */
export async function installExplorer(
  app: FastifyInstance,
  options: { readonly enabled: boolean; readonly logger: Logger; readonly dist?: URL },
): Promise<boolean> {
  if (!options.enabled) return false;
  const dist = options.dist ?? EXPLORER_DIST;
  const indexFile = new URL('index.html', dist);
  const index = existsSync(indexFile) ? readFileSync(indexFile, 'utf8') : null;
  if (index === null) {
    options.logger.warn({ dist: fileURLToPath(dist) }, 'explorer not built; run `npm run build:console`');
  } else {
    await app.register(fastifyStatic, {
      root: fileURLToPath(new URL('assets/', dist)),
      prefix: EXPLORER_ASSETS_PREFIX,
      index: false,
      list: false,
      dotfiles: 'deny',
      decorateReply: false,
      immutable: true,
      maxAge: '365d',
      setHeaders: (reply) => void reply.header('x-content-type-options', 'nosniff'),
    });
  }
  for (const path of [EXPLORER_PATH, `${EXPLORER_PATH}/`]) {
    app.get(path, async (_request, reply) => {
      if (index === null)
        return pageHeaders(reply, EXPLORER_CSP)
          .header('cache-control', 'no-cache')
          .code(503)
          .type('text/plain; charset=utf-8')
          .send(
            'The explorer has not been built: run `npm run build:console` (npm start does it for you).\n',
          );
      return pageHeaders(reply, EXPLORER_CSP)
        .header('cache-control', 'no-cache')
        .type('text/html; charset=utf-8')
        .send(index);
    });
  }
  return true;
}
