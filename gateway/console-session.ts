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

const ACCOUNT_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * `GET /console/people?ids=<account id>,...`: the names behind the account ids an access log
 * records as acting subjects, so that a worker's printed report says who, not which id. For
 * people who read access logs (`audit:read`); at most 100 ids; unknown ids are left out.
 */
export function mountPeopleLookup(app: FastifyInstance, db: Database, verifyToken: TokenVerifier): void {
  app.get<{ Querystring: { ids?: string } }>('/console/people', async (request, reply) => {
    const refuse = (status: number, code: string, message: string) =>
      reply
        .code(status)
        .header('cache-control', 'no-store')
        .send({ errors: [{ message, extensions: { code } }] });
    let principal;
    try {
      principal = await verifyToken(request.headers.authorization);
    } catch (error) {
      if (error instanceof UnauthenticatedError) return refuse(401, 'UNAUTHENTICATED', error.message);
      throw error;
    }
    if (!principal.person || !principal.scopes.has('audit:read')) {
      return refuse(403, 'FORBIDDEN', 'Only people who read access logs look up who acted.');
    }
    const ids = [...new Set((request.query.ids ?? '').split(',').filter((id) => ACCOUNT_ID.test(id)))];
    if (ids.length > 100) return refuse(400, 'BAD_USER_INPUT', 'At most 100 ids at a time.');
    const records = await Promise.all(ids.map((id) => findAccount(db, id)));
    return reply.header('cache-control', 'no-store').send({
      people: records.flatMap((record) =>
        record
          ? [
              {
                accountId: record.account.id,
                displayName: record.account.displayName,
                institution: record.institution.name,
              },
            ]
          : [],
      ),
    });
  });
}
