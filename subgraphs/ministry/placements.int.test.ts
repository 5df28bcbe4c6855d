import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayInJakarta } from '../../shared/scalars.js';
import { entitiesQuery, errorCodes } from '../../shared/testing/graphql-client.js';
import { startSubgraph, type SubgraphHarness } from '../../shared/testing/subgraph-harness.js';
import { createSubgraph } from './server.js';
import { insertTestAgency, insertTestJobOrder, insertTestSanction } from './testing/factories.js';

const MALANG_OFFICE = { kind: 'LABOUR_OFFICE', regionCode: '35.07' } as const;
const TRAINING_PROVIDER = { kind: 'TRAINING_PROVIDER' } as const;
const MINISTRY = { kind: 'MINISTRY' } as const;
const COMPLIANCE = entitiesQuery(
  'Placement',
  'id compliance { compliant checkedOn findings { code severity message } }',
);

interface Compliance {
  readonly compliant: boolean;
  readonly checkedOn: string;
  readonly findings: readonly { code: string; severity: string; message: string }[];
}

let hub: SubgraphHarness;
beforeAll(async () => {
  hub = await startSubgraph(createSubgraph);
});
afterAll(async () => {
  await hub.close();
});

/** A placement as the gateway sends it for `compliance`: the key plus every `@requires` field. */
function representation(overrides: Record<string, unknown> = {}) {
  return {
    __typename: 'Placement',
    id: randomUUID(),
    agency: null,
    jobOrder: null,
    scheme: 'PRIVATE_AGENCY',
    channel: 'PROCEDURAL',
    destinationCountry: 'HK',
    plannedDepartureDate: '2025-07-01',
    departureDate: null,
    missingDocuments: [],
    // As the gateway fetched them from training with the caller's token (no __typename inside).
    worker: { certifications: [] },
    ...overrides,
  };
}

async function check(...representations: ReturnType<typeof representation>[]) {
  return hub.requestAsGateway<{ _entities: ({ id: string; compliance: Compliance } | null)[] }>(
    MALANG_OFFICE,
    COMPLIANCE,
    {
      representations,
    },
  );
}

async function licensedAgencyWithOrder(licenceStatus: 'ACTIVE' | 'SUSPENDED' = 'ACTIVE') {
  const agency = await insertTestAgency(hub.db, { licenceStatus });
  const order = await insertTestJobOrder(hub.db, agency.id, { countryCode: 'HK' });
  return { agency, order };
}

describe('Placement.compliance', () => {
  it('finds a placement by a licensed agency against a valid, verified order compliant on its departure date', async () => {
    const { agency, order } = await licensedAgencyWithOrder();
    const placement = representation({
      agency: { __typename: 'PlacementAgency', id: agency.id },
      jobOrder: { __typename: 'JobOrder', id: order.id },
      departureDate: '2025-07-03',
    });
    const response = await check(placement);
    expect(response.data).toEqual({
      _entities: [
        { id: placement.id, compliance: { compliant: true, checkedOn: '2025-07-03', findings: [] } },
      ],
    });
  });

  it('reports a suspended agency, the suspension in force and missing documents, most severe first', async () => {
    const { agency, order } = await licensedAgencyWithOrder('SUSPENDED');
    await insertTestSanction(hub.db, agency.id, {
      type: 'SUSPENSION',
      reason: 'Unresolved unpaid-wages cases',
      imposedOn: '2025-06-01',
      effectiveUntil: '2025-12-31',
    });
    await insertTestSanction(hub.db, agency.id, { type: 'FINE', imposedOn: '2025-05-01' });
    const response = await check(
      representation({
        agency: { id: agency.id },
        jobOrder: { id: order.id },
        missingDocuments: ['WORK_VISA'],
      }),
    );
    const compliance = response.data?._entities[0]?.compliance;
    expect(compliance?.compliant).toBe(false);
    expect(compliance?.findings.map((finding) => `${finding.severity}:${finding.code}`)).toEqual([
      'VIOLATION:AGENCY_NOT_LICENSED',
      'VIOLATION:AGENCY_SANCTIONED',
      'VIOLATION:DOCUMENTS_INCOMPLETE',
      'WARNING:AGENCY_SANCTIONED',
    ]);
    expect(compliance?.findings[2]?.message).toBe('Documents missing, unverified or expired: work visa.');
  });

  it('finds agencies and job orders the registry does not know, malformed ids included', async () => {
    const response = await check(
      representation({ agency: { id: randomUUID() }, jobOrder: { id: 'JO-1' } }),
      representation({ agency: { id: "x' or 1=1 --" }, jobOrder: { id: randomUUID() } }),
    );
    for (const entity of response.data?._entities ?? []) {
      expect(entity?.compliance.findings.map((finding) => finding.code)).toEqual([
        'AGENCY_UNKNOWN',
        'JOB_ORDER_UNKNOWN',
      ]);
    }
  });

  it('accepts a government-to-government placement without an agency and checks it today before departure', async () => {
    const response = await check(representation({ scheme: 'GOVERNMENT', plannedDepartureDate: null }));
    expect(response.data?._entities[0]?.compliance).toEqual({
      compliant: true,
      checkedOn: todayInJakarta(),
      findings: [],
    });
  });

  it('flags a non-procedural departure without agency or job order', async () => {
    const response = await check(representation({ channel: 'NON_PROCEDURAL' }));
    expect(response.data?._entities[0]?.compliance.findings.map((finding) => finding.code)).toEqual([
      'NON_PROCEDURAL_CHANNEL',
      'AGENCY_MISSING',
      'JOB_ORDER_MISSING',
    ]);
  });

  it('refuses a representation without the required facts, and a malformed placement id resolves to null', async () => {
    const incomplete = await hub.requestAsGateway(MALANG_OFFICE, COMPLIANCE, {
      representations: [{ __typename: 'Placement', id: randomUUID() }],
    });
    expect(errorCodes(incomplete)).toEqual(['BAD_USER_INPUT']);
    const malformed = await check(representation({ id: 'placement-1' }));
    expect(malformed.data).toEqual({ _entities: [null] });
  });

  it('checks 20 placements in as many statements as 2', async () => {
    const placements: ReturnType<typeof representation>[] = [];
    for (let index = 0; index < 20; index += 1) {
      const { agency, order } = await licensedAgencyWithOrder();
      await insertTestSanction(hub.db, agency.id);
      placements.push(representation({ agency: { id: agency.id }, jobOrder: { id: order.id } }));
    }
    const cost = async (count: number) => {
      const before = hub.statements();
      const response = await check(...placements.slice(0, count));
      expect(response.errors).toEqual([]);
      expect(response.data?._entities.every((entity) => entity?.compliance.compliant === true)).toBe(true);
      return hub.statements() - before;
    };
    const [few, many] = [await cost(2), await cost(20)];
    // One statement each for agencies, job orders and sanctions; and one insert into the access log.
    expect(few).toBe(4);
    expect(many).toBe(few);
  });
});

const WITH_EVIDENCE = entitiesQuery(
  'Placement',
  'id compliance { compliant findings { code message } evidence { item documentType satisfied source reference message } }',
);

interface Evidence {
  readonly item: string;
  readonly documentType: string | null;
  readonly satisfied: boolean;
  readonly source: string | null;
  readonly reference: string | null;
  readonly message: string;
}

interface ComplianceWithEvidence {
  readonly compliant: boolean;
  readonly findings: readonly { code: string; message: string }[];
  readonly evidence: readonly Evidence[];
}

/** A certificate exactly as training answers `certifications { ... }` inside the ministry's `@requires`. */
function certificateFact(overrides: Record<string, unknown> = {}) {
  return {
    id: randomUUID(),
    scheme: 'Housekeeping (Hong Kong)',
    issuer: 'LSP Pekerja Domestik Lintas Benua',
    number: `LSP-PDLB/2025/${randomUUID().slice(0, 4)}`,
    issuedOn: '2025-05-20',
    validUntil: '2028-05-19',
    revokedOn: null,
    ...overrides,
  };
}

async function checkWithEvidence(
  identity: typeof MALANG_OFFICE | typeof MINISTRY,
  ...representations: unknown[]
) {
  return hub.requestAsGateway<{ _entities: ({ id: string; compliance: ComplianceWithEvidence } | null)[] }>(
    identity,
    WITH_EVIDENCE,
    { representations },
  );
}

const competencyOf = (compliance: ComplianceWithEvidence | undefined) =>
  compliance?.evidence.find((item) => item.documentType === 'COMPETENCY_CERTIFICATE');

describe('Placement.compliance with the certificates training issued', () => {
  it('counts a valid certificate for the competency requirement and names it as the source', async () => {
    const certificate = certificateFact();
    const response = await checkWithEvidence(
      MALANG_OFFICE,
      representation({
        scheme: 'GOVERNMENT',
        missingDocuments: ['COMPETENCY_CERTIFICATE'],
        worker: { certifications: [certificate] },
      }),
    );
    expect(response.errors).toEqual([]);
    const compliance = response.data?._entities[0]?.compliance;
    expect(compliance?.compliant).toBe(true);
    expect(compliance?.findings).toEqual([]);
    expect(competencyOf(compliance)).toEqual({
      item: 'DOCUMENT',
      documentType: 'COMPETENCY_CERTIFICATE',
      satisfied: true,
      source: 'TRAINING_CERTIFICATION',
      reference: certificate.number,
      message: `competency certificate: satisfied by certificate ${certificate.number} issued by LSP Pekerja Domestik Lintas Benua on 2025-05-20 (training)`,
    });
    expect(compliance?.evidence.find((item) => item.documentType === 'PASSPORT')?.source).toBe('LABOUR_DESK');
  });

  it('does not count a certificate expired or revoked on the check date', async () => {
    const response = await checkWithEvidence(
      MINISTRY,
      representation({
        scheme: 'GOVERNMENT',
        missingDocuments: ['COMPETENCY_CERTIFICATE'],
        worker: { certifications: [certificateFact({ validUntil: '2025-06-30' })] },
      }),
      representation({
        scheme: 'GOVERNMENT',
        missingDocuments: ['COMPETENCY_CERTIFICATE'],
        worker: { certifications: [certificateFact({ revokedOn: '2025-06-15' })] },
      }),
    );
    expect(response.errors).toEqual([]);
    for (const entity of response.data?._entities ?? []) {
      expect(entity?.compliance.compliant).toBe(false);
      expect(entity?.compliance.findings).toEqual([
        {
          code: 'DOCUMENTS_INCOMPLETE',
          message: 'Documents missing, unverified or expired: competency certificate.',
        },
      ]);
      expect(competencyOf(entity?.compliance)).toMatchObject({
        satisfied: false,
        source: null,
        reference: null,
      });
    }
  });

  it('reads certificates training withheld (null list, null worker, or none sent) as missing, without failing', async () => {
    const withheld = [
      { worker: { certifications: null } },
      { worker: null },
      { worker: { certifications: [null] } },
      { worker: undefined },
    ].map((facts) =>
      representation({ scheme: 'GOVERNMENT', missingDocuments: ['COMPETENCY_CERTIFICATE'], ...facts }),
    );
    const response = await checkWithEvidence(MALANG_OFFICE, ...withheld);
    expect(response.errors).toEqual([]);
    const answers = response.data?._entities.map((entity) => ({
      compliant: entity?.compliance.compliant,
      competency: competencyOf(entity?.compliance)?.message,
    }));
    expect(answers).toEqual(
      withheld.map(() => ({
        compliant: false,
        competency: 'competency certificate: missing, unverified or expired',
      })),
    );
  });

  it('refuses a malformed certificate fact with BAD_USER_INPUT instead of counting it', async () => {
    const response = await checkWithEvidence(
      MALANG_OFFICE,
      representation({
        missingDocuments: ['COMPETENCY_CERTIFICATE'],
        worker: { certifications: [certificateFact({ issuedOn: 'yesterday' })] },
      }),
    );
    expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
  });

  it('refuses the evidence with FORBIDDEN to a training provider', async () => {
    const response = await hub.requestAsGateway(TRAINING_PROVIDER, WITH_EVIDENCE, {
      representations: [representation({ worker: { certifications: [certificateFact()] } })],
    });
    expect(errorCodes(response)).toEqual(['FORBIDDEN']);
    expect(response.data).toEqual({ _entities: [null] });
  });

  it('never serves the certificates it receives as input itself', async () => {
    const response = await hub.request(MINISTRY, entitiesQuery('Worker', 'id certifications { number }'), {
      representations: [{ __typename: 'Worker', id: randomUUID() }],
    });
    expect(errorCodes(response)).toEqual(['FORBIDDEN']);
  });

  it('checks 20 placements with certificates in as many statements as 2', async () => {
    const placements = Array.from({ length: 20 }, () =>
      representation({
        scheme: 'GOVERNMENT',
        missingDocuments: ['COMPETENCY_CERTIFICATE'],
        worker: { certifications: [certificateFact(), certificateFact({ revokedOn: '2025-06-01' })] },
      }),
    );
    const cost = async (count: number) => {
      const before = hub.statements();
      const response = await checkWithEvidence(MINISTRY, ...placements.slice(0, count));
      expect(response.data?._entities.every((entity) => entity?.compliance.compliant === true)).toBe(true);
      return hub.statements() - before;
    };
    expect(await cost(20)).toBe(await cost(2));
  });
});
