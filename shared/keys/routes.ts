import type { FastifyInstance } from 'fastify';
import { SERVICE_KEYS_PATH } from './directory.js';
import type { ServiceKeyRing } from './service-keys.js';

/** Publishes the public halves of a service's keys, where its peers' key directories look. */
export function publishServiceKeys(app: FastifyInstance, ring: ServiceKeyRing): void {
  app.get(SERVICE_KEYS_PATH, async (_request, reply) =>
    reply.header('cache-control', 'public, max-age=60').send(ring.publicJwks()),
  );
}
