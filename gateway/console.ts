import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import type { Database } from '../shared/db/database.js';
import type { Logger } from '../shared/logging.js';
import { pageHeaders } from './page-headers.js';
import { CONSOLE_ASSETS_PREFIX, CONSOLE_PATHS } from '../shared/console-routes.js';
import { readConsoleManifest, registerConsoleDocuments } from './console-documents.js';

/** Where `npm start`, `npm test` and the container build put the console (scripts/build-console.ts). */
export const CONSOLE_DIST = new URL('../console/dist/', import.meta.url);

/**
 * The console's page runs only the console's own files: no inline script or style, nothing from
 * another origin, no framing, forms only to the gateway itself (its sign-in page).
 */
export const CONSOLE_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * Serves the console: `index.html` for each of its paths (the router draws the screen), its
 * content-hashed assets under `/console/assets/` cached for a year, and registers its operations
 * as the console client's trusted documents. Every other path keeps its meaning (`/graphql`,
 * `/oauth/*`) or stays a JSON 404. Without a build (a bare checkout that skipped `npm start`) the
 * console's paths say how to build it.
 */
export async function installConsole(
  app: FastifyInstance,
  options: { readonly db: Database; readonly logger: Logger; readonly dist?: URL },
): Promise<void> {
  const dist = options.dist ?? CONSOLE_DIST;
  const indexFile = new URL('index.html', dist);
  const built = existsSync(indexFile);
  const index = built ? readFileSync(indexFile, 'utf8') : null;
  if (built) {
    await app.register(fastifyStatic, {
      root: fileURLToPath(new URL('assets/', dist)),
      prefix: CONSOLE_ASSETS_PREFIX,
      index: false,
      list: false,
      dotfiles: 'deny',
      decorateReply: false,
      immutable: true,
      maxAge: '365d',
      setHeaders: (reply) => void reply.header('x-content-type-options', 'nosniff'),
    });
    const manifest = readConsoleManifest(new URL('trusted-documents.json', dist));
    if (manifest) await registerConsoleDocuments(options.db, manifest, options.logger);
  } else {
    options.logger.warn({ dist: fileURLToPath(dist) }, 'console not built; run `npm run build:console`');
  }
  for (const path of CONSOLE_PATHS) {
    app.get(path, async (_request, reply) => {
      if (index === null) {
        return pageHeaders(reply, CONSOLE_CSP)
          .code(503)
          .type('text/plain; charset=utf-8')
          .send('The console has not been built: run `npm run build:console` (npm start does it for you).\n');
      }
      return pageHeaders(reply, CONSOLE_CSP)
        .header('cache-control', 'no-cache')
        .type('text/html; charset=utf-8')
        .send(index);
    });
  }
}
