import type { FastifyInstance } from 'fastify';
import type { TokenVerifier } from '../shared/auth/token-verifier.js';
import type { Database } from '../shared/db/database.js';
import { UnauthenticatedError } from '../shared/errors.js';
import { findAccount } from './accounts.js';

/**
 * `GET /console/session`: who is signed in, for the console's header and navigation. Answers only
 * to a person's valid token (a machine client's token names no person).
 */
export function mountConsoleSession(app: FastifyInstance, db: Database, verifyToken: TokenVerifier): void {
  app.get('/console/session', async (request, reply) => {
    const refuse = (message: string) =>
      reply
        .code(401)
        .header('cache-control', 'no-store')
        .send({ errors: [{ message, extensions: { code: 'UNAUTHENTICATED' } }] });
    let principal;
    try {
      principal = await verifyToken(request.headers.authorization);
    } catch (error) {
      if (error instanceof UnauthenticatedError) return refuse(error.message);
      throw error;
    }
    const record = principal.person ? await findAccount(db, principal.person.accountId) : null;
    if (!record || record.account.status !== 'ACTIVE') return refuse('Sign in to use the console.');
    const { account, institution } = record;
    return reply.header('cache-control', 'no-store').send({
      accountId: account.id,
      username: account.username,
      displayName: account.displayName,
      role: account.role,
      institution: {
        id: institution.id,
        name: institution.name,
        kind: institution.kind,
        regionCode: institution.regionCode,
      },
      scopes: [...principal.scopes].sort(),
    });
  });
}
