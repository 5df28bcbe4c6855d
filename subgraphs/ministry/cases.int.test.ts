import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCodes } from '../../shared/testing/graphql-client.js';
import { startSubgraph, type SubgraphHarness } from '../../shared/testing/subgraph-harness.js';
import { createSubgraph } from './server.js';
import { insertTestAgency, insertTestCase, insertTestInstitution } from './testing/factories.js';
import { labourStandIn } from './testing/labour-stand-in.js';

const labour = labourStandIn();
const MINISTRY_ID = randomUUID();
const MALANG_ID = randomUUID();
const MINISTRY = { kind: 'MINISTRY', institutionId: MINISTRY_ID } as const;
const MALANG_OFFICE = { kind: 'LABOUR_OFFICE', regionCode: '35.07', institutionId: MALANG_ID } as const;

const CASE_FIELDS = `id reference status category channel countryCode summary worker { id } placement { id }
  agency { id } openedBy { id name } notes { text author { id } } resolution { outcome summary resolvedAt }`;
const OPEN = `mutation($input: OpenCaseInput!) { openCase(input: $input) { ${CASE_FIELDS} } }`;
const NOTE = `mutation($caseId: ID!, $text: String!) { addCaseNote(caseId: $caseId, text: $text) { id status notes { text author { name } } } }`;
const CHANGE = `mutation($caseId: ID!, $status: CaseStatus!) { changeCaseStatus(caseId: $caseId, status: $status) { status } }`;
const RESOLVE = `mutation($caseId: ID!, $input: ResolveCaseInput!) { resolveCase(caseId: $caseId, input: $input) { status resolution { outcome summary } } }`;

let hub: SubgraphHarness;
beforeAll(async () => {
  hub = await startSubgraph(createSubgraph, { graph: (call) => labour.answer(call) });
  await insertTestInstitution(hub.db, { id: MINISTRY_ID, name: 'KP2MI', kind: 'MINISTRY', regionCode: null });
  await insertTestInstitution(hub.db, {
    id: MALANG_ID,
    name: 'Disnaker Kabupaten Malang',
    regionCode: '35.07',
  });
});
afterAll(async () => {
  await hub.close();
});

function caseInput(workerId: string, overrides: Record<string, unknown> = {}) {
  return {
    workerId,
    category: 'UNPAID_WAGES',
    channel: 'WALK_IN',
    countryCode: 'HK',
    summary: 'Employer has not paid wages since March.',
    ...overrides,
  };
}

async function totalCases(): Promise<number> {
  const response = await hub.request<{ cases: { totalCount: number } }>(MINISTRY, '{ cases { totalCount } }');
  return response.data?.cases.totalCount ?? -1;
}

describe('openCase', () => {
  it("lets a labour office open a case, keeping the worker's kecamatan from labour", async () => {
    const workerId = labour.addWorker('35.07.11');
    const [placementId] = labour.placementsOf(workerId);
    const agency = await insertTestAgency(hub.db);
    const response = await hub.request(MALANG_OFFICE, OPEN, {
      input: caseInput(workerId, { placementId, agencyId: agency.id }),
    });
    expect(response.errors).toEqual([]);
    expect(response.data?.['openCase']).toMatchObject({
      status: 'OPEN',
      category: 'UNPAID_WAGES',
      channel: 'WALK_IN',
      countryCode: 'HK',
      worker: { id: workerId },
      placement: { id: placementId },
      agency: { id: agency.id },
      openedBy: { id: MALANG_ID, name: 'Disnaker Kabupaten Malang' },
      notes: [],
      resolution: null,
    });
    expect((response.data?.['openCase'] as { reference: string }).reference).toMatch(/^KP2MI-\d{4}-\d{6}$/);
    const call = hub.graphCalls.at(-1);
    expect(call?.variables).toEqual({ id: workerId });
    expect(call?.authorization).toMatch(/^Bearer /);
    const byRegion = await hub.request<{ cases: { edges: { node: { id: string } }[] } }>(
      MINISTRY,
      'query($f: CaseFilter) { cases(filter: $f) { edges { node { id } } } }',
      { f: { regionCode: '35.07.11', agencyId: agency.id } },
    );
    expect(byRegion.data?.cases.edges).toEqual([
      { node: { id: (response.data?.['openCase'] as { id: string }).id } },
    ]);
  });

  it('numbers cases from a sequence, one after the other', async () => {
    const workerId = labour.addWorker();
    const first = await hub.request<{ openCase: { reference: string } }>(MINISTRY, OPEN, {
      input: caseInput(workerId),
    });
    const second = await hub.request<{ openCase: { reference: string } }>(MINISTRY, OPEN, {
      input: caseInput(workerId),
    });
    const number = (reference = '') => Number(reference.slice(-6));
    expect(number(second.data?.openCase.reference)).toBe(number(first.data?.openCase.reference) + 1);
  });

  it('answers NOT_FOUND for a worker labour does not show the caller, and writes nothing', async () => {
    const blitarWorker = labour.addWorker('35.05.01');
    const before = await totalCases();
    const response = await hub.request(MALANG_OFFICE, OPEN, { input: caseInput(blitarWorker) });
    expect(errorCodes(response)).toEqual(['NOT_FOUND']);
    const unknown = await hub.request(MINISTRY, OPEN, { input: caseInput(randomUUID()) });
    expect(errorCodes(unknown)).toEqual(['NOT_FOUND']);
    expect(await totalCases()).toBe(before);
  });

  it("refuses a placement that is not one of the worker's", async () => {
    const workerId = labour.addWorker();
    const response = await hub.request(MINISTRY, OPEN, {
      input: caseInput(workerId, { placementId: randomUUID() }),
    });
    expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
    expect(response.errors[0]?.extensions?.['field']).toBe('input.placementId');
  });

  it.each([
    ['summary', { summary: '  ' }],
    ['countryCode', { countryCode: 'ID' }],
    ['workerId', { workerId: '42' }],
    ['placementId', { placementId: 'p-1' }],
    ['agencyId', { agencyId: randomUUID() }],
  ])('refuses a bad %s before asking labour anything', async (field, overrides) => {
    const calls = hub.graphCalls.length;
    const response = await hub.request(MINISTRY, OPEN, { input: caseInput(labour.addWorker(), overrides) });
    expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
    expect(response.errors[0]?.extensions?.['field']).toBe(`input.${field}`);
    expect(hub.graphCalls.length).toBe(calls);
  });

  it('is refused to training providers, universities and clients without cases:write', async () => {
    const workerId = labour.addWorker();
    const identities = [
      { kind: 'TRAINING_PROVIDER' },
      { kind: 'UNIVERSITY' },
      { kind: 'LABOUR_OFFICE', regionCode: '35.07', scopes: ['cases:read', 'workers:read'] },
    ] as const;
    for (const identity of identities) {
      expect(errorCodes(await hub.request(identity, OPEN, { input: caseInput(workerId) }))).toEqual([
        'FORBIDDEN',
      ]);
    }
  });

  it('tells the caller nothing internal when labour cannot be reached, and writes nothing', async () => {
    const before = await totalCases();
    const response = await hub.request(MINISTRY, OPEN, { input: caseInput(labour.addUnreachableWorker()) });
    expect(errorCodes(response)).toEqual(['INTERNAL_SERVER_ERROR']);
    expect(response.errors[0]?.message).not.toContain('labour unavailable');
    expect(await totalCases()).toBe(before);
  });
});

describe('following a case up', () => {
  it('keeps notes oldest first, each with its author', async () => {
    const opened = await insertTestCase(hub.db, MALANG_ID);
    await hub.request(MINISTRY, NOTE, { caseId: opened.id, text: 'Called the agency.' });
    const response = await hub.request(MINISTRY, NOTE, {
      caseId: opened.id,
      text: 'Agency promised payment.',
    });
    expect(response.data).toEqual({
      addCaseNote: {
        id: opened.id,
        status: 'OPEN',
        notes: [
          { text: 'Called the agency.', author: { name: 'KP2MI' } },
          { text: 'Agency promised payment.', author: { name: 'KP2MI' } },
        ],
      },
    });
  });

  it('moves a case through its statuses and refuses moves that skip the resolution', async () => {
    const { id: caseId } = await insertTestCase(hub.db, MALANG_ID);
    const status = async (next: string) => hub.request(MINISTRY, CHANGE, { caseId, status: next });
    expect((await status('IN_PROGRESS')).data).toEqual({ changeCaseStatus: { status: 'IN_PROGRESS' } });
    expect((await status('REFERRED')).data).toEqual({ changeCaseStatus: { status: 'REFERRED' } });
    expect(errorCodes(await status('RESOLVED'))).toEqual(['CONFLICT']);
    expect(errorCodes(await status('CLOSED'))).toEqual(['CONFLICT']);
    const resolved = await hub.request(MINISTRY, RESOLVE, {
      caseId,
      input: { outcome: 'COMPENSATED', summary: 'Wages paid in full.' },
    });
    expect(resolved.data).toEqual({
      resolveCase: {
        status: 'RESOLVED',
        resolution: { outcome: 'COMPENSATED', summary: 'Wages paid in full.' },
      },
    });
    const again = await hub.request(MINISTRY, RESOLVE, {
      caseId,
      input: { outcome: 'SETTLED', summary: 'Again.' },
    });
    expect(errorCodes(again)).toEqual(['CONFLICT']);
    expect((await status('CLOSED')).data).toEqual({ changeCaseStatus: { status: 'CLOSED' } });
    expect(errorCodes(await status('IN_PROGRESS'))).toEqual(['CONFLICT']);
    expect(errorCodes(await hub.request(MINISTRY, NOTE, { caseId, text: 'Too late.' }))).toEqual([
      'CONFLICT',
    ]);
  });

  it('leaves updates to the ministry: a labour office may open cases but not update them', async () => {
    const { id: caseId } = await insertTestCase(hub.db, MALANG_ID);
    const refusals = [
      await hub.request(MALANG_OFFICE, NOTE, { caseId, text: 'Note' }),
      await hub.request(MALANG_OFFICE, CHANGE, { caseId, status: 'IN_PROGRESS' }),
      await hub.request(MALANG_OFFICE, RESOLVE, { caseId, input: { outcome: 'SETTLED', summary: 'Done.' } }),
      await hub.request({ kind: 'MINISTRY', scopes: ['cases:read'] }, CHANGE, {
        caseId,
        status: 'IN_PROGRESS',
      }),
    ];
    expect(refusals.map(errorCodes)).toEqual([['FORBIDDEN'], ['FORBIDDEN'], ['FORBIDDEN'], ['FORBIDDEN']]);
  });

  it('answers NOT_FOUND for an unknown case and BAD_USER_INPUT for bad arguments', async () => {
    const { id: caseId } = await insertTestCase(hub.db, MALANG_ID);
    expect(errorCodes(await hub.request(MINISTRY, NOTE, { caseId: randomUUID(), text: 'x' }))).toEqual([
      'NOT_FOUND',
    ]);
    const malformed = await hub.request(MINISTRY, CHANGE, {
      caseId: 'KP2MI-2025-000001',
      status: 'IN_PROGRESS',
    });
    expect(malformed.errors[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'caseId' });
    const emptyNote = await hub.request(MINISTRY, NOTE, { caseId, text: '' });
    expect(emptyNote.errors[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'text' });
    const longSummary = await hub.request(MINISTRY, RESOLVE, {
      caseId,
      input: { outcome: 'SETTLED', summary: 'x'.repeat(2001) },
    });
    expect(longSummary.errors[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.summary',
    });
  });
});
