import { randomUUID } from 'node:crypto';
import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper/resolverMap.js';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAccessChain } from '../../shared/audit/verify.js';
import { subgraphTypeDefs } from '../../shared/schema-files.js';
import { entitiesQuery, errorCodes } from '../../shared/testing/graphql-client.js';
import { fieldsWithoutRule, undeclaredSearches } from '../../shared/testing/permissions.js';
import { startSubgraph, type SubgraphHarness } from '../../shared/testing/subgraph-harness.js';
import { accessEvents } from './db/schema.js';
import { access } from './permissions.js';
import { resolvers } from './resolvers/index.js';
import { createSubgraph } from './server.js';
import {
  insertCompleteDocuments,
  insertTestConsent,
  insertTestPlacement,
  insertTestWorker,
  workerInput,
} from './testing/factories.js';

const MALANG = { kind: 'LABOUR_OFFICE', regionCode: '35.07' } as const;
const MINISTRY = { kind: 'MINISTRY' } as const;
const MINISTRY_WITHOUT_PII = { kind: 'MINISTRY', scopes: ['workers:read', 'stats:read'] } as const;

let hub: SubgraphHarness;
beforeAll(async () => {
  hub = await startSubgraph(createSubgraph);
});
afterAll(async () => {
  await hub.close();
});

const PERSONAL = 'query($id: ID!) { worker(id: $id) { fullName nik birthDate phone address villageCode } }';

describe('field rules', () => {
  it('names a rule for every field of the labour schema', () => {
    const schema = buildSubgraphSchema({
      typeDefs: subgraphTypeDefs('labour'),
      resolvers: resolvers as GraphQLResolverMap<unknown>,
    });
    expect(fieldsWithoutRule(schema, access.fields)).toEqual([]);
    // Every argument that selects or orders rows says which values it answers for.
    expect(undeclaredSearches(schema, access)).toEqual([]);
  });

  it('shows the full NIK and personal data to the labour office of the region and to the ministry with pii:read', async () => {
    const worker = await insertTestWorker(hub.db);
    for (const identity of [MALANG, MINISTRY]) {
      const response = await hub.request<{ worker: Record<string, unknown> }>(identity, PERSONAL, {
        id: worker.id,
      });
      expect(response.errors).toEqual([]);
      expect(response.data?.worker).toMatchObject({
        nik: worker.nik,
        birthDate: worker.birthDate,
        phone: worker.phone,
      });
    }
  });

  it('masks the NIK and withholds personal data, with FORBIDDEN, from the ministry without pii:read', async () => {
    const worker = await insertTestWorker(hub.db);
    const response = await hub.request<{ worker: Record<string, unknown> }>(MINISTRY_WITHOUT_PII, PERSONAL, {
      id: worker.id,
    });
    expect(response.data?.worker).toEqual({
      fullName: worker.fullName,
      nik: `${worker.nik.slice(0, 4)}********${worker.nik.slice(12)}`,
      birthDate: null,
      phone: null,
      address: null,
      villageCode: null,
    });
    expect(new Set(errorCodes(response))).toEqual(new Set(['FORBIDDEN']));
    expect(response.errors.map((error) => error.path?.at(-1)).sort()).toEqual([
      'address',
      'birthDate',
      'phone',
      'villageCode',
    ]);
  });

  it('gives a consented training provider the name and masked NIK only, and no documents or placements', async () => {
    const provider = randomUUID();
    const worker = await insertTestWorker(hub.db);
    await insertTestConsent(hub.db, worker.id, provider, { purpose: 'TRAINING' });
    const identity = { kind: 'TRAINING_PROVIDER', institutionId: provider } as const;
    const response = await hub.request<{ worker: Record<string, unknown> }>(
      identity,
      'query($id: ID!) { worker(id: $id) { fullName nik status phone documents { type } placements { id } } }',
      { id: worker.id },
    );
    expect(response.data?.worker).toMatchObject({
      fullName: worker.fullName,
      nik: expect.stringContaining('********'),
      phone: null,
      documents: null,
      placements: null,
    });
    expect(errorCodes(response).every((code) => code === 'FORBIDDEN')).toBe(true);
  });

  it('resolves no document or placement of a consenting worker for a training provider through _entities', async () => {
    const provider = randomUUID();
    const worker = await insertTestWorker(hub.db);
    await insertTestConsent(hub.db, worker.id, provider, { purpose: 'TRAINING' });
    const placement = await insertTestPlacement(hub.db, worker.id);
    const [document] = await insertCompleteDocuments(hub.db, worker.id, placement.id);
    const identity = { kind: 'TRAINING_PROVIDER', institutionId: provider } as const;
    const placements = await hub.request(identity, entitiesQuery('Placement', 'id'), {
      representations: [{ __typename: 'Placement', id: placement.id }],
    });
    expect(placements.data).toEqual({ _entities: [null] });
    const documents = await hub.request(identity, entitiesQuery('Document', 'id'), {
      representations: [{ __typename: 'Document', id: document!.id }],
    });
    expect(documents.data).toEqual({ _entities: [null] });
  });
});

describe('the access log', () => {
  it('records each read of worker data as one event naming the fields, with who and why', async () => {
    const worker = await insertTestWorker(hub.db);
    const token = await hub.token(MINISTRY);
    await fetch(hub.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${token}`,
        'x-purpose': 'Case follow-up',
        'x-case-reference': 'KP2MI-2026-000001',
        'x-acting-subject': 'officer-17',
      },
      body: JSON.stringify({ query: PERSONAL, variables: { id: worker.id } }),
    });
    const events = await hub.db.select().from(accessEvents).where(eq(accessEvents.workerId, worker.id));
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      action: 'READ',
      entityType: 'Worker',
      entityId: worker.id,
      institutionKind: 'MINISTRY',
      purpose: 'Case follow-up',
      caseReference: 'KP2MI-2026-000001',
      actingSubject: 'officer-17',
      fields: ['address', 'birthDate', 'fullName', 'nik', 'phone', 'villageCode'],
      subgraph: 'labour',
    });
  });

  it('does not count a field refused to the caller as read', async () => {
    const worker = await insertTestWorker(hub.db);
    await hub.request(MINISTRY_WITHOUT_PII, PERSONAL, { id: worker.id });
    const [event] = await hub.db.select().from(accessEvents).where(eq(accessEvents.workerId, worker.id));
    expect(event?.fields).toEqual(['fullName', 'nik']);
  });

  it('records a write in the same transaction as the write, and nothing for a refused write', async () => {
    const registered = await hub.request<{ registerWorker: { id: string } }>(
      MALANG,
      'mutation($input: RegisterWorkerInput!) { registerWorker(input: $input) { id } }',
      { input: workerInput() },
    );
    const id = registered.data!.registerWorker.id;
    const events = await hub.db.select().from(accessEvents).where(eq(accessEvents.workerId, id));
    expect(events.map((event) => [event.action, event.entityType])).toEqual(
      expect.arrayContaining([['WRITE', 'Worker']]),
    );
    const before = await hub.db.select().from(accessEvents);
    await hub.request(
      MALANG,
      'mutation($input: RegisterWorkerInput!) { registerWorker(input: $input) { id } }',
      { input: workerInput({ nik: '123' }) },
    );
    expect(await hub.db.select().from(accessEvents)).toHaveLength(before.length);
  });

  it('serves a worker her access log to the labour office of her region with audit:read', async () => {
    const worker = await insertTestWorker(hub.db);
    await hub.request(MINISTRY, PERSONAL, { id: worker.id });
    const response = await hub.request<{
      worker: {
        accessLog: { events: { service: string; action: string; entityType: string; fields: string[] }[] };
      };
    }>(
      MALANG,
      'query($id: ID!) { worker(id: $id) { accessLog { events { service action entityType fields institution { id } } } } }',
      { id: worker.id },
    );
    expect(response.errors).toEqual([]);
    expect(response.data?.worker.accessLog.events.at(-1)).toMatchObject({
      service: 'labour',
      action: 'READ',
      entityType: 'Worker',
    });
  });

  it('refuses the access log to the ministry without audit:read and to training providers', async () => {
    const worker = await insertTestWorker(hub.db);
    const provider = randomUUID();
    await insertTestConsent(hub.db, worker.id, provider, { purpose: 'TRAINING' });
    for (const identity of [
      MINISTRY_WITHOUT_PII,
      { kind: 'TRAINING_PROVIDER', institutionId: provider } as const,
    ]) {
      const response = await hub.request(
        identity,
        'query($id: ID!) { worker(id: $id) { accessLog { totalCount } } }',
        { id: worker.id },
      );
      expect(errorCodes(response)).toEqual(['FORBIDDEN']);
    }
  });

  it('refuses to change or delete an event: the log is append-only', async () => {
    await hub.request(MINISTRY, PERSONAL, { id: (await insertTestWorker(hub.db)).id });
    await expect(hub.db.execute(sql`update labour.access_events set purpose = 'edited'`)).rejects.toThrow();
    await expect(hub.db.execute(sql`delete from labour.access_events`)).rejects.toThrow();
    await expect(hub.db.execute(sql`truncate labour.access_events`)).rejects.toThrow();
  });

  it('holds as a hash chain, and names the first event tampered with behind the triggers', async () => {
    for (let index = 0; index < 3; index += 1)
      await hub.request(MINISTRY, PERSONAL, { id: (await insertTestWorker(hub.db)).id });
    const intact = await verifyAccessChain(hub.db, 'labour');
    expect(intact.broken).toBeNull();
    expect(intact.checked).toBeGreaterThanOrEqual(3);
    const [target] = await hub.db.select().from(accessEvents).where(eq(accessEvents.position, 2));
    await hub.db.execute(sql`alter table labour.access_events disable trigger access_events_no_update`);
    await hub.db.execute(sql`update labour.access_events set client_id = 'someone-else' where position = 2`);
    await hub.db.execute(sql`alter table labour.access_events enable trigger access_events_no_update`);
    const tampered = await verifyAccessChain(hub.db, 'labour');
    expect(tampered.broken).toEqual({
      position: 2,
      eventId: target!.id,
      reason: 'its content does not match its hash',
    });
    expect(tampered.checked).toBe(1);
  });
});
