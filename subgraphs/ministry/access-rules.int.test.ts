import { randomUUID } from 'node:crypto';
import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper/resolverMap.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { subgraphTypeDefs } from '../../shared/schema-files.js';
import { entitiesQuery, errorCodes } from '../../shared/testing/graphql-client.js';
import { fieldsWithoutRule, undeclaredSearches } from '../../shared/testing/permissions.js';
import { startSubgraph, type SubgraphHarness } from '../../shared/testing/subgraph-harness.js';
import { access } from './permissions.js';
import { resolvers } from './resolvers/index.js';
import { createSubgraph } from './server.js';
import {
  insertTestAgency,
  insertTestCase,
  insertTestInstitution,
  insertTestNote,
} from './testing/factories.js';

const MALANG_ID = randomUUID();
const MINISTRY = { kind: 'MINISTRY' } as const;
const MINISTRY_WITHOUT_CASES = { kind: 'MINISTRY', scopes: ['workers:read', 'stats:read'] } as const;
const MINISTRY_CASES_ONLY = { kind: 'MINISTRY', scopes: ['cases:read'] } as const;
const MALANG_OFFICE = { kind: 'LABOUR_OFFICE', regionCode: '35.07' } as const;
const TRAINING_PROVIDER = { kind: 'TRAINING_PROVIDER' } as const;
const UNIVERSITY = { kind: 'UNIVERSITY' } as const;
const NO_SCOPES = { kind: 'UNIVERSITY', scopes: [] } as const;

const CASE_DETAILS = 'query($id: ID!) { case(id: $id) { summary notes { text } resolution { summary } } }';
const COMPLIANCE = entitiesQuery('Placement', 'id compliance { compliant findings { code } }');
const placement = () => ({
  __typename: 'Placement',
  id: randomUUID(),
  agency: null,
  jobOrder: null,
  scheme: 'GOVERNMENT',
  channel: 'PROCEDURAL',
  destinationCountry: 'HK',
  plannedDepartureDate: null,
  departureDate: null,
  missingDocuments: [],
});

let hub: SubgraphHarness;
beforeAll(async () => {
  hub = await startSubgraph(createSubgraph);
  await insertTestInstitution(hub.db, { id: MALANG_ID, name: 'Disnaker Kabupaten Malang' });
});
afterAll(async () => {
  await hub.close();
});

describe('the rule map', () => {
  it('names a rule for every field of the ministry schema', () => {
    const schema = buildSubgraphSchema({
      typeDefs: subgraphTypeDefs('ministry'),
      resolvers: resolvers as GraphQLResolverMap<unknown>,
    });
    expect(fieldsWithoutRule(schema, access.fields)).toEqual([]);
    // Every argument that selects or orders rows says which values it answers for.
    expect(undeclaredSearches(schema, access)).toEqual([]);
  });
});

describe('case details', () => {
  it('shows summary and notes to the ministry and to the labour office of the region with cases:read', async () => {
    const complaint = await insertTestCase(hub.db, MALANG_ID, { workerDistrictCode: '35.07.13' });
    await insertTestNote(hub.db, complaint.id, MALANG_ID, { text: 'Employer reached by phone.' });
    for (const identity of [MINISTRY, MALANG_OFFICE, MINISTRY_CASES_ONLY]) {
      const response = await hub.request(identity, CASE_DETAILS, { id: complaint.id });
      expect(response.errors).toEqual([]);
      expect(response.data).toEqual({
        case: {
          summary: complaint.summary,
          notes: [{ text: 'Employer reached by phone.' }],
          resolution: null,
        },
      });
    }
  });

  it('refuses case details with FORBIDDEN to clients without cases:read, training providers and universities', async () => {
    const complaint = await insertTestCase(hub.db, MALANG_ID);
    for (const identity of [MINISTRY_WITHOUT_CASES, TRAINING_PROVIDER, UNIVERSITY]) {
      const response = await hub.request(identity, CASE_DETAILS, { id: complaint.id });
      expect(errorCodes(response)).toEqual(['FORBIDDEN']);
      expect(response.data).toEqual({ case: null });
    }
  });

  it('resolves a case through _entities for a case reader and to null for anyone else', async () => {
    const complaint = await insertTestCase(hub.db, MALANG_ID);
    const query = entitiesQuery('Case', 'id summary');
    const representations = [{ __typename: 'Case', id: complaint.id }];
    const allowed = await hub.request(MINISTRY, query, { representations });
    expect(allowed.data).toEqual({ _entities: [{ id: complaint.id, summary: complaint.summary }] });
    for (const identity of [MINISTRY_WITHOUT_CASES, TRAINING_PROVIDER]) {
      const denied = await hub.request(identity, query, { representations });
      expect(denied.data).toEqual({ _entities: [null] });
    }
  });

  it('gives Worker.cases only to clients that also hold workers:read', async () => {
    const workerId = randomUUID();
    const complaint = await insertTestCase(hub.db, MALANG_ID, { workerId });
    const query = entitiesQuery('Worker', 'id cases { id }');
    const representations = [{ __typename: 'Worker', id: workerId, districtCode: '35.07.11' }];
    const allowed = await hub.request(MINISTRY, query, { representations });
    expect(allowed.data).toEqual({ _entities: [{ id: workerId, cases: [{ id: complaint.id }] }] });
    const denied = await hub.request(MINISTRY_CASES_ONLY, query, { representations });
    expect(errorCodes(denied)).toEqual(['FORBIDDEN']);
    expect(denied.data).toEqual({ _entities: [{ id: workerId, cases: null }] });
  });
});

describe('Placement.compliance', () => {
  it('checks a placement for labour offices and the ministry', async () => {
    for (const identity of [MALANG_OFFICE, MINISTRY]) {
      const representation = placement();
      const response = await hub.requestAsGateway(identity, COMPLIANCE, {
        representations: [representation],
      });
      expect(response.errors).toEqual([]);
      expect(response.data).toEqual({
        _entities: [{ id: representation.id, compliance: { compliant: true, findings: [] } }],
      });
    }
  });

  it('refuses the check with FORBIDDEN to training providers, universities and clients without workers:read', async () => {
    for (const identity of [TRAINING_PROVIDER, UNIVERSITY, MINISTRY_CASES_ONLY]) {
      const representation = placement();
      const response = await hub.requestAsGateway(identity, COMPLIANCE, {
        representations: [representation],
      });
      expect(errorCodes(response)).toEqual(['FORBIDDEN']);
      // compliance is non-null, so the refused placement resolves to null as a whole.
      expect(response.data).toEqual({ _entities: [null] });
    }
  });

  it('is not checked on facts a direct caller wrote into the representation, only on signed ones', async () => {
    const response = await hub.request(MINISTRY, COMPLIANCE, { representations: [placement()] });
    expect(errorCodes(response)).toEqual(['FORBIDDEN']);
    expect(response.errors[0]?.extensions?.['field']).toBe('Placement.compliance');
    expect(response.data).toEqual({ _entities: [null] });
  });
});

describe('the public registries', () => {
  it('are readable by any authenticated client, even one without scopes', async () => {
    const agency = await insertTestAgency(hub.db);
    const response = await hub.request(
      NO_SCOPES,
      `query($id: ID!) {
        placementAgency(id: $id) { id licenceStatus headOfficeRegion { name } jobOrders { id } sanctions { id } }
        region(code: "35.07") { name children { code } }
        institutions { id kind }
      }`,
      { id: agency.id },
    );
    expect(response.errors).toEqual([]);
    expect(response.data).toMatchObject({
      placementAgency: { id: agency.id, licenceStatus: 'ACTIVE', jobOrders: [], sanctions: [] },
      region: { name: 'Kabupaten Malang' },
    });
  });

  it('keep statistics from clients without stats:read', async () => {
    const response = await hub.request(
      NO_SCOPES,
      '{ regionStats(parentCode: "35.07", year: 2025) { regionCode } }',
    );
    expect(errorCodes(response)).toEqual(['FORBIDDEN']);
  });
});
