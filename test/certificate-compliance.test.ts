import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { composeNik } from '../shared/validation/nik.js';
import { certifications } from '../subgraphs/training/db/schema.js';
import { dataOf, startTestHub, type TestClient, type TestHub } from './helpers/hub.js';
import { licensedAgencyWithJobOrder } from './helpers/placement-world.js';

// Issue 12, "one fact entered once": a certificate the training provider issued through the hub
// counts for the placement's competency requirement, fetched by the gateway with the caller's own
// token, and the compliance answer says where each fact came from.

let hub: TestHub;
let office: TestClient;
let ministry: TestClient;
let trainer: TestClient;

beforeAll(async () => {
  hub = await startTestHub();
  [office, ministry, trainer] = await Promise.all([
    hub.client('LABOUR_OFFICE', { regionCode: '35.07', name: 'Disnaker Kabupaten Malang' }),
    hub.client('MINISTRY', { name: 'KP2MI' }),
    hub.client('TRAINING_PROVIDER', { name: 'LPK Test Kompetensi' }),
  ]);
  dataOf(
    await trainer.query(
      `mutation { registerTrainingProvider(input: { name: "LPK Test Kompetensi", kind: LPK, accreditation: A, regionCode: "35.07.13" }) { id } }`,
    ),
  );
});
afterAll(async () => {
  await hub.close();
});

/** Every statutory document but the competency certificate, recorded and verified at the desk. */
const DESK_DOCUMENTS = [
  'MARITAL_STATUS_LETTER',
  'FAMILY_PERMISSION',
  'HEALTH_CERTIFICATE',
  'PASSPORT',
  'SOCIAL_SECURITY',
  'WORK_VISA',
  'PLACEMENT_AGREEMENT',
  'EMPLOYMENT_AGREEMENT',
] as const;
const PLACEMENT_DOCUMENTS: readonly string[] = ['WORK_VISA', 'PLACEMENT_AGREEMENT', 'EMPLOYMENT_AGREEMENT'];

const COMPLIANCE = /* GraphQL */ `
  query ($id: ID!) {
    worker(id: $id) {
      placements {
        id
        missingDocuments
        compliance {
          compliant
          checkedOn
          findings {
            code
            message
          }
          evidence {
            item
            documentType
            satisfied
            source
            reference
            message
          }
        }
      }
    }
  }
`;

interface Evidence {
  readonly documentType: string | null;
  readonly satisfied: boolean;
  readonly source: string | null;
  readonly reference: string | null;
  readonly message: string;
}
interface PlacementAnswer {
  readonly id: string;
  readonly missingDocuments: readonly string[];
  readonly compliance: {
    readonly compliant: boolean;
    readonly checkedOn: string;
    readonly findings: readonly { code: string; message: string }[];
    readonly evidence: readonly Evidence[];
  };
}

/** The compliance of the worker's one placement, read through the gateway as `client`. */
async function complianceFor(client: TestClient, workerId: string) {
  const response = await client.query<{ worker: { placements: PlacementAnswer[] } | null }>(COMPLIANCE, {
    id: workerId,
  });
  expect(response.errors).toEqual([]);
  const [placement] = dataOf(response).worker?.placements ?? [];
  if (!placement) throw new Error('the worker has no placement');
  const { compliance, missingDocuments } = placement;
  const competency = compliance.evidence.find((item) => item.documentType === 'COMPETENCY_CERTIFICATE');
  return { ...compliance, missingDocuments, competency };
}

/** A licensed agency with a job order, a consenting worker and a placement short of a competency document. */
async function placementWithoutCompetencyDocument(serial: number) {
  const { agencyId, jobOrderId } = await licensedAgencyWithJobOrder(ministry, serial, {
    employerName: 'Wong Family',
    validFrom: '2026-01-01',
    validUntil: '2027-12-31',
  });
  const worker = dataOf(
    await office.query<{ registerWorker: { id: string } }>(
      `mutation($input: RegisterWorkerInput!) { registerWorker(input: $input) { id } }`,
      {
        input: {
          nik: composeNik('35.07.11', '1994-02-11', 'FEMALE', serial),
          fullName: 'Siti Kompetensi Rahayu',
          sex: 'FEMALE',
          birthDate: '1994-02-11',
          birthPlace: 'Malang',
          maritalStatus: 'SINGLE',
          education: 'SENIOR_SECONDARY',
          phone: '081234511111',
          address: 'Dusun Krajan RT 02 RW 01',
          villageCode: '35.07.11.2008',
        },
      },
    ),
  ).registerWorker;
  const placement = dataOf(
    await office.query<{ createPlacement: { id: string } }>(
      `mutation($input: CreatePlacementInput!) { createPlacement(input: $input) { id } }`,
      {
        input: {
          workerId: worker.id,
          scheme: 'PRIVATE_AGENCY',
          agencyId,
          jobOrderId,
          destinationCountry: 'HK',
          employerName: 'Wong Family',
          occupation: 'HOUSEKEEPER',
          sector: 'DOMESTIC',
          contractMonths: 24,
          monthlyWage: 4990,
          wageCurrency: 'HKD',
          plannedDepartureDate: '2027-01-15',
          expectedReturnDate: '2029-01-15',
        },
      },
    ),
  ).createPlacement;
  for (const type of DESK_DOCUMENTS) {
    const recorded = dataOf(
      await office.query<{ recordDocument: { id: string } }>(
        `mutation($input: RecordDocumentInput!) { recordDocument(input: $input) { id } }`,
        {
          input: {
            workerId: worker.id,
            type,
            number: type === 'PASSPORT' ? 'C1234567' : null,
            issuer: 'Issuing office',
            issuedOn: '2026-10-01',
            validUntil: '2031-10-01',
            ...(PLACEMENT_DOCUMENTS.includes(type) ? { placementId: placement.id } : {}),
          },
        },
      ),
    ).recordDocument;
    dataOf(
      await office.query(`mutation($id: ID!) { verifyDocument(id: $id) { status } }`, { id: recorded.id }),
    );
  }
  dataOf(
    await office.query(`mutation($input: GrantConsentInput!) { grantConsent(input: $input) { id } }`, {
      input: { workerId: worker.id, granteeInstitutionId: trainer.institutionId, purpose: 'TRAINING' },
    }),
  );
  return worker.id;
}

async function issue(workerId: string, number: string, issuedOn: string, validUntil: string) {
  return dataOf(
    await trainer.query<{ issueCertification: { id: string } }>(
      `mutation($input: IssueCertificationInput!) { issueCertification(input: $input) { id } }`,
      {
        input: {
          workerId,
          scheme: 'Housekeeping (Hong Kong)',
          issuer: 'LSP Pekerja Domestik Lintas Benua',
          number,
          issuedOn,
          validUntil,
        },
      },
    ),
  ).issueCertification;
}

describe('a certificate issued through the hub counts for compliance', () => {
  let workerId: string;

  beforeAll(async () => {
    workerId = await placementWithoutCompetencyDocument(7101);
  });

  it('lists the competency certificate as missing while neither the desk nor training holds one', async () => {
    const compliance = await complianceFor(ministry, workerId);
    expect(compliance.compliant).toBe(false);
    expect(compliance.checkedOn).toBe('2027-01-15');
    expect(compliance.findings).toEqual([
      {
        code: 'DOCUMENTS_INCOMPLETE',
        message: 'Documents missing, unverified or expired: competency certificate.',
      },
    ]);
    expect(compliance.competency).toMatchObject({ satisfied: false, source: null });
    expect(compliance.evidence.find((item) => item.documentType === 'PASSPORT')).toMatchObject({
      satisfied: true,
      source: 'LABOUR_DESK',
    });
  });

  it('does not count a certificate that expires before the planned departure', async () => {
    await issue(workerId, 'LSP-PDLB/2023/0007', '2023-01-10', '2026-12-31');
    const compliance = await complianceFor(office, workerId);
    expect(compliance.compliant).toBe(false);
    expect(compliance.findings.map((finding) => finding.code)).toEqual(['DOCUMENTS_INCOMPLETE']);
  });

  it('counts a valid certificate for the officer and the ministry, naming it as the source', async () => {
    await issue(workerId, 'LSP-PDLB/2026/4242', '2026-11-20', '2029-11-19');
    for (const reader of [office, ministry]) {
      const compliance = await complianceFor(reader, workerId);
      expect(compliance.compliant).toBe(true);
      expect(compliance.findings).toEqual([]);
      expect(compliance.competency).toEqual({
        item: 'DOCUMENT',
        documentType: 'COMPETENCY_CERTIFICATE',
        satisfied: true,
        source: 'TRAINING_CERTIFICATION',
        reference: 'LSP-PDLB/2026/4242',
        message:
          'competency certificate: satisfied by certificate LSP-PDLB/2026/4242 issued by LSP Pekerja Domestik Lintas Benua on 2026-11-20 (training)',
      });
      expect(compliance.evidence.slice(0, 2).map((item) => item.source)).toEqual([
        'MINISTRY_REGISTRY',
        'MINISTRY_REGISTRY',
      ]);
    }
  });

  it('no longer counts the certificate once the provider revokes it', async () => {
    const certificates = dataOf(
      await trainer.query<{ worker: { certifications: { id: string; number: string }[] } | null }>(
        `query($id: ID!) { worker(id: $id) { certifications { id number } } }`,
        { id: workerId },
      ),
    );
    const valid = certificates.worker?.certifications.find((entry) => entry.number === 'LSP-PDLB/2026/4242');
    const REVOKE = `mutation($id: ID!) { revokeCertification(id: $id, input: { revokedOn: "2026-11-30", reason: "Not the worker's test" }) { revokedOn } }`;
    // Only the institution that recorded it may withdraw it: the desk is refused, another provider finds nothing.
    const otherProvider = await hub.client('TRAINING_PROVIDER', { name: 'LPK Test Lain' });
    expect((await office.query(REVOKE, { id: valid?.id })).errors[0]?.extensions?.['code']).toBe('FORBIDDEN');
    expect((await otherProvider.query(REVOKE, { id: valid?.id })).errors[0]?.extensions?.['code']).toBe(
      'NOT_FOUND',
    );
    expect((await complianceFor(ministry, workerId)).compliant).toBe(true);
    dataOf(
      await trainer.query(
        `mutation($id: ID!) { revokeCertification(id: $id, input: { revokedOn: "2026-11-30", reason: "Test sat by someone else" }) { revokedOn } }`,
        { id: valid?.id },
      ),
    );
    const compliance = await complianceFor(ministry, workerId);
    expect(compliance.compliant).toBe(false);
    expect(compliance.competency).toMatchObject({ satisfied: false, source: null, reference: null });
  });
});

describe('certificates the caller may not see', () => {
  it('read as missing for an office that sees the placement but not the certificate, and reveal nothing', async () => {
    const workerId = await placementWithoutCompetencyDocument(7102);
    await issue(workerId, 'LSP-PDLB/2026/5151', '2026-11-21', '2029-11-20');
    // Training shows a labour office the certificates made while the worker lived in its region.
    // This one was made when she lived in Kota Batu (set up in training's own store: the API
    // records the district of the consent in force when it is issued).
    await hub.stores.training.db
      .update(certifications)
      .set({ workerDistrictCode: '35.79.01' })
      .where(eq(certifications.number, 'LSP-PDLB/2026/5151'));
    const seen = dataOf(
      await office.query<{ worker: { certifications: unknown[] } | null }>(
        `query($id: ID!) { worker(id: $id) { certifications { number } } }`,
        { id: workerId },
      ),
    );
    expect(seen.worker?.certifications).toEqual([]);
    const compliance = await complianceFor(office, workerId);
    expect(compliance.compliant).toBe(false);
    expect(compliance.competency).toEqual({
      item: 'DOCUMENT',
      documentType: 'COMPETENCY_CERTIFICATE',
      satisfied: false,
      source: null,
      reference: null,
      message: 'competency certificate: missing, unverified or expired',
    });
    expect(JSON.stringify(compliance)).not.toContain('5151');
    // The ministry, which sees every certificate, finds it.
    expect((await complianceFor(ministry, workerId)).competency?.reference).toBe('LSP-PDLB/2026/5151');
  });
});

describe('while training is unavailable', () => {
  it('still answers compliance, counting no certificate, with an error naming training', async () => {
    const workerId = await placementWithoutCompetencyDocument(7103);
    await issue(workerId, 'LSP-PDLB/2026/6161', '2026-11-22', '2029-11-21');
    expect((await complianceFor(ministry, workerId)).compliant).toBe(true);
    // The last test of the file: the hub's close() tolerates the service being closed already.
    await hub.subgraphs.training.close();
    const response = await ministry.query<{ worker: { placements: PlacementAnswer[] } | null }>(COMPLIANCE, {
      id: workerId,
    });
    expect(response.errors.map((error) => error.extensions?.['serviceName'])).toEqual(['training']);
    const compliance = response.data?.worker?.placements[0]?.compliance;
    expect(compliance?.compliant).toBe(false);
    expect(compliance?.findings.map((finding) => finding.code)).toEqual(['DOCUMENTS_INCOMPLETE']);
  });
});
