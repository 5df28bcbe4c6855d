import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { entitiesQuery, errorCodes } from '../../shared/testing/graphql-client.js';
import { startSubgraph, type SubgraphHarness } from '../../shared/testing/subgraph-harness.js';
import { createSubgraph } from './server.js';
import { insertTestWorker } from './testing/factories.js';

const MALANG = { kind: 'LABOUR_OFFICE', regionCode: '35.07' } as const;
const BLITAR = { kind: 'LABOUR_OFFICE', regionCode: '35.05' } as const;
const AUDITOR = { kind: 'MINISTRY' } as const;
const MINISTRY_WITHOUT_AUDIT = { kind: 'MINISTRY', scopes: ['workers:read', 'pii:read'] } as const;

let hub: SubgraphHarness;
beforeAll(async () => {
  hub = await startSubgraph(createSubgraph);
});
afterAll(async () => {
  await hub.close();
});

const SELECTION =
  'accessLog(filter: $filter, first: 10) { totalCount summary { institution { id } total } events { service action requestId isReportRead } }';
const ENTITIES = entitiesQuery('Worker', SELECTION).replace(
  'query($representations:[_Any!]!)',
  'query($representations:[_Any!]!, $filter: WorkerAccessLogFilter)',
);

/** A ministry event as the gateway hands it over under `@requires`. */
function ministryEvent(requestId: string, institutionId: string) {
  return {
    at: '2026-12-01T03:00:00.000Z',
    institution: { id: institutionId },
    clientId: 'kp2mi',
    actingSubject: null,
    purpose: 'Case follow-up',
    caseReference: null,
    service: 'ministry',
    action: 'READ',
    entityType: 'Case',
    entityId: randomUUID(),
    fields: ['summary'],
    requestId,
  };
}

describe('Worker.accessLog through _entities', () => {
  it('merges the events the other services hand over and filters them, for the labour office of the region', async () => {
    const worker = await insertTestWorker(hub.db);
    const ministry = randomUUID();
    const response = await hub.requestAsGateway<{
      _entities: {
        accessLog: { totalCount: number; summary: { institution: { id: string }; total: number }[] };
      }[];
    }>(MALANG, ENTITIES, {
      representations: [
        { __typename: 'Worker', id: worker.id, ministryAccessEvents: [ministryEvent('r-1', ministry)] },
      ],
      filter: { services: ['ministry'] },
    });
    expect(response.errors).toEqual([]);
    expect(response.data?._entities[0]?.accessLog).toMatchObject({
      totalCount: 1,
      summary: [{ institution: { id: ministry }, total: 1 }],
    });
  });

  it('ignores the access events in a representation the gateway did not sign, a forged one included', async () => {
    const worker = await insertTestWorker(hub.db);
    const forged = { ...ministryEvent('forged-request', randomUUID()), clientId: 'forged-client' };
    const query = ENTITIES.replace('events { service', 'events { clientId service');
    const response = await hub.request<{
      _entities: { accessLog: { events: { clientId: string; requestId: string }[] } }[];
    }>(AUDITOR, query, {
      representations: [{ __typename: 'Worker', id: worker.id, ministryAccessEvents: [forged] }],
    });
    expect(response.errors).toEqual([]);
    const events = response.data?._entities[0]?.accessLog.events ?? [];
    expect(events.map((event) => event.clientId)).not.toContain('forged-client');
    expect(events.map((event) => event.requestId)).not.toContain('forged-request');
    // The same representation signed by the gateway is the ministry's word, and is shown.
    const signed = await hub.requestAsGateway<{
      _entities: { accessLog: { events: { clientId: string }[] } }[];
    }>(AUDITOR, query, {
      representations: [{ __typename: 'Worker', id: worker.id, ministryAccessEvents: [forged] }],
    });
    expect(signed.data?._entities[0]?.accessLog.events.map((event) => event.clientId)).toContain(
      'forged-client',
    );
  });

  it('refuses it to another region, a ministry client without audit:read and a training provider, filters or not', async () => {
    const worker = await insertTestWorker(hub.db);
    for (const identity of [
      BLITAR,
      MINISTRY_WITHOUT_AUDIT,
      { kind: 'TRAINING_PROVIDER', institutionId: randomUUID() } as const,
    ]) {
      for (const filter of [null, { purpose: 'Case' }]) {
        const response = await hub.request<{ _entities: unknown[] }>(identity, ENTITIES, {
          representations: [{ __typename: 'Worker', id: worker.id }],
          filter,
        });
        // Another region's office and a provider without consent do not see the worker at all.
        if (identity.kind === 'MINISTRY') expect(errorCodes(response)).toContain('FORBIDDEN');
        else expect(response.data?._entities).toEqual([null]);
        expect(JSON.stringify(response.data ?? {})).not.toContain('totalCount');
      }
    }
  });

  it('serves it to a ministry auditor and refuses a bad filter naming it', async () => {
    const worker = await insertTestWorker(hub.db);
    const ok = await hub.request(AUDITOR, ENTITIES, {
      representations: [{ __typename: 'Worker', id: worker.id }],
    });
    expect(ok.errors).toEqual([]);
    const bad = await hub.request(AUDITOR, ENTITIES, {
      representations: [{ __typename: 'Worker', id: worker.id }],
      filter: { institutionIds: ['not-an-id'] },
    });
    expect(errorCodes(bad)).toEqual(['BAD_USER_INPUT']);
    expect(bad.errors[0]?.extensions?.['field']).toBe('filter.institutionIds');
  });
});
