import { serverAudits } from 'graphql-http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestHub, type TestHub } from '../helpers/hub.js';

declare module 'vitest' {
  interface TaskMeta {
    /** The audit's outcome, for reporters (`--reporter=json`): SHOULD and MAY results are recorded, not enforced. */
    graphqlHttpAudit?: { readonly id: string; readonly status: string; readonly reason?: string };
  }
}

let hub: TestHub;
let token: string;
beforeAll(async () => {
  hub = await startTestHub();
  token = await (await hub.client('LABOUR_OFFICE', { regionCode: '35.07' })).token();
});
afterAll(async () => {
  await hub.close();
});

/** Every audit request as a real client sends it: with a valid token (the gateway refuses any other). */
const fetchWithToken: typeof fetch = (input, init = {}) => {
  const headers = new Headers(init.headers);
  headers.set('authorization', `Bearer ${token}`);
  return fetch(input, { ...init, headers });
};

/**
 * The GraphQL-over-HTTP conformance audit of `graphql-http` against the gateway's /graphql. Every
 * MUST passes; SHOULD (`warn`) and MAY (`notice`) results are recorded in the test's meta and
 * listed in the README.
 */
describe('GraphQL over HTTP (graphql-http serverAudits) at the gateway', () => {
  const audits = serverAudits({ url: () => hub.url, fetchFn: fetchWithToken });

  it('runs the full audit', () => {
    expect(audits.length).toBeGreaterThan(40);
  });

  it.for(audits.map((audit) => [`${audit.id} ${audit.name}`, audit] as const))(
    '%s',
    async ([, audit], { task }) => {
      const result = await audit.fn();
      const reason = result.status === 'ok' ? undefined : result.reason;
      task.meta.graphqlHttpAudit = { id: result.id, status: result.status, ...(reason ? { reason } : {}) };
      if (audit.name.startsWith('MUST')) expect(result.status, reason).toBe('ok');
      else expect(result.status, reason).not.toBe('error');
    },
  );
});
