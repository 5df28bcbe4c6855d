import { randomInt } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayInJakarta } from '../shared/scalars.js';
import { composeNik } from '../shared/validation/nik.js';
import { dataOf, startTestHub, type TestClient, type TestHub } from './helpers/hub.js';
import { licensedAgencyWithJobOrder, type LicensedAgency } from './helpers/placement-world.js';

// Issue 12, items 1 and 4 through the gateway: corrections flow into the ministry's compliance
// check and into the statistics, and every mutation answers with the state after its write,
// including fields another subgraph resolves.

let hub: TestHub;
let office: TestClient;
let ministry: TestClient;
let trainer: TestClient;

beforeAll(async () => {
  hub = await startTestHub();
  [office, ministry, trainer] = await Promise.all([
    hub.client('LABOUR_OFFICE', { regionCode: '35.07', name: 'Disnaker Kabupaten Malang' }),
    hub.client('MINISTRY', { name: 'KP2MI' }),
    hub.client('TRAINING_PROVIDER', { name: 'LPK Test Koreksi' }),
  ]);
});
afterAll(async () => {
  await hub.close();
});

function daysAgo(days: number): string {
  return new Date(Date.parse(`${todayInJakarta()}T00:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10);
}

async function registeredWorker(): Promise<string> {
  const birthDate = '1994-07-21';
  return dataOf(
    await office.query<{ registerWorker: { id: string } }>(
      `mutation($input: RegisterWorkerInput!) { registerWorker(input: $input) { id } }`,
      {
        input: {
          nik: composeNik('35.07.11', birthDate, 'FEMALE', 1 + randomInt(9998)),
          fullName: 'Dewi Koreksi Lestari',
          sex: 'FEMALE',
          birthDate,
          birthPlace: 'Malang',
          maritalStatus: 'SINGLE',
          education: 'SENIOR_SECONDARY',
          address: 'Dusun Krajan RT 02 RW 01',
          villageCode: '35.07.11.2008',
        },
      },
    ),
  ).registerWorker.id;
}

function agencyWithJobOrder(): Promise<LicensedAgency> {
  return licensedAgencyWithJobOrder(ministry, randomInt(1000, 9999));
}

async function plannedPlacement(workerId: string, agencyId: string): Promise<string> {
  return dataOf(
    await office.query<{ createPlacement: { id: string } }>(
      `mutation($input: CreatePlacementInput!) { createPlacement(input: $input) { id } }`,
      {
        input: {
          workerId,
          scheme: 'PRIVATE_AGENCY',
          agencyId,
          destinationCountry: 'HK',
          occupation: 'HOUSEKEEPER',
          sector: 'DOMESTIC',
          plannedDepartureDate: daysAgo(10),
        },
      },
    ),
  ).createPlacement.id;
}

type Codes = { compliance: { findings: { code: string }[] } };
const codes = (answer: Codes) => answer.compliance.findings.map((finding) => finding.code);

describe('corrections through the gateway', () => {
  it("answers an amended placement with the ministry's compliance of the amended facts", async () => {
    const { agencyId, jobOrderId } = await agencyWithJobOrder();
    const workerId = await registeredWorker();
    const placementId = await plannedPlacement(workerId, agencyId);
    const AMEND = `mutation($id: ID!, $input: AmendPlacementInput!) {
      amendPlacement(placementId: $id, input: $input) { destinationCountry jobOrder { id } compliance { findings { code } } }
    }`;
    const before = dataOf(
      await ministry.query<{ worker: { placements: Codes[] } }>(
        `query($id: ID!) { worker(id: $id) { placements { compliance { findings { code } } } } }`,
        { id: workerId },
      ),
    );
    expect(before.worker.placements.flatMap(codes)).toContain('JOB_ORDER_MISSING');

    const withOrder = dataOf(
      await office.query<{ amendPlacement: Codes }>(AMEND, {
        id: placementId,
        input: { jobOrderId, reason: 'Job order assigned by the agency' },
      }),
    ).amendPlacement;
    expect(withOrder).toMatchObject({ jobOrder: { id: jobOrderId } });
    expect(codes(withOrder)).not.toContain('JOB_ORDER_MISSING');
    expect(codes(withOrder)).not.toContain('JOB_ORDER_OTHER_COUNTRY');

    const elsewhere = dataOf(
      await office.query<{ amendPlacement: Codes }>(AMEND, {
        id: placementId,
        input: { destinationCountry: 'TW', reason: 'Employer moved to Taipei' },
      }),
    ).amendPlacement;
    expect(codes(elsewhere)).toContain('JOB_ORDER_OTHER_COUNTRY');
  });

  it('takes a cancelled placement out of the departures and moves a corrected departure to its year', async () => {
    const thisYear = Number(daysAgo(3).slice(0, 4));
    const STATS = `query($y: Int!) { regionStats(parentCode: "35.07", year: $y) { regionCode departed { value } } }`;
    const departures = async (year: number) => {
      const rows = dataOf(
        await ministry.query<{ regionStats: { regionCode: string; departed: { value: number | null } }[] }>(
          STATS,
          { y: year },
        ),
      ).regionStats;
      return rows.find((row) => row.regionCode === '35.07.11')?.departed.value ?? 0;
    };
    const { agencyId } = await agencyWithJobOrder();
    const departed: string[] = [];
    for (let index = 0; index < 2; index += 1) {
      const workerId = await registeredWorker();
      dataOf(
        await office.query(
          `mutation($id: ID!) { changeWorkerStatus(id: $id, status: VERIFIED) { status } }`,
          {
            id: workerId,
          },
        ),
      );
      const placementId = await plannedPlacement(workerId, agencyId);
      dataOf(
        await office.query(
          `mutation($id: ID!, $on: Date!) { recordDeparture(placementId: $id, departedOn: $on) { status } }`,
          { id: placementId, on: daysAgo(3) },
        ),
      );
      departed.push(placementId);
    }
    const [cancelled = '', corrected = ''] = departed;
    const [now, lastYear] = [await departures(thisYear), await departures(thisYear - 1)];

    const cancel = dataOf(
      await office.query<{ cancelPlacement: unknown }>(
        `mutation($id: ID!) { cancelPlacement(placementId: $id, reason: "Turned back at the airport") { status worker { status } } }`,
        { id: cancelled },
      ),
    );
    expect(cancel.cancelPlacement).toEqual({ status: 'CANCELLED', worker: { status: 'VERIFIED' } });
    expect(await departures(thisYear)).toBe(now - 1);

    dataOf(
      await office.query(
        `mutation($id: ID!, $on: Date!) { correctDeparture(placementId: $id, departedOn: $on, reason: "Year typed wrong") { departureDate } }`,
        { id: corrected, on: `${thisYear - 1}-12-20` },
      ),
    );
    expect(await departures(thisYear)).toBe(now - 2);
    expect(await departures(thisYear - 1)).toBe(lastYear + 1);
  });
});

describe('mutation answers are current', () => {
  it('answers each step of a placement with the worker as it is after the step', async () => {
    const { agencyId } = await agencyWithJobOrder();
    const workerId = await registeredWorker();
    const verified = await office.query(
      `mutation($id: ID!) { changeWorkerStatus(id: $id, status: VERIFIED) { status currentPlacement { id } } }`,
      { id: workerId },
    );
    expect(dataOf(verified)).toEqual({ changeWorkerStatus: { status: 'VERIFIED', currentPlacement: null } });
    const placementId = await plannedPlacement(workerId, agencyId);

    const departure = await office.query(
      `mutation($id: ID!, $on: Date!) { recordDeparture(placementId: $id, departedOn: $on) {
        status worker { status currentPlacement { status departureDate } } } }`,
      { id: placementId, on: daysAgo(5) },
    );
    expect(dataOf(departure)).toEqual({
      recordDeparture: {
        status: 'DEPARTED',
        worker: { status: 'DEPARTED', currentPlacement: { status: 'DEPARTED', departureDate: daysAgo(5) } },
      },
    });
    const arrival = await office.query(
      `mutation($id: ID!, $on: Date!) { recordArrival(placementId: $id, arrivedOn: $on) { worker { status } } }`,
      { id: placementId, on: daysAgo(4) },
    );
    expect(dataOf(arrival)).toEqual({ recordArrival: { worker: { status: 'ABROAD' } } });
    const returned = await office.query(
      `mutation($id: ID!, $on: Date!) { recordReturn(placementId: $id, returnedOn: $on, reason: ILLNESS) {
        status worker { status placements { status actualReturnDate } } } }`,
      { id: placementId, on: daysAgo(1) },
    );
    expect(dataOf(returned)).toEqual({
      recordReturn: {
        status: 'RETURNED',
        worker: { status: 'RETURNED', placements: [{ status: 'RETURNED', actualReturnDate: daysAgo(1) }] },
      },
    });
  });

  it('answers a granted consent with the worker holding it and an identity correction with its amendment', async () => {
    dataOf(
      await trainer.query(
        `mutation { registerTrainingProvider(input: { name: "LPK Test Koreksi", kind: LPK, accreditation: B, regionCode: "35.07.13" }) { id } }`,
      ),
    );
    const workerId = await registeredWorker();
    // The first field loads the worker's consents into this request's loaders before the grant.
    const granted = await office.query<{
      updateWorker: { consents: unknown[] };
      grantConsent: { worker: { consents: { active: boolean; grantee: { id: string } }[] } };
    }>(
      `mutation($id: ID!, $input: GrantConsentInput!) {
        updateWorker(id: $id, input: { phone: "081234500001" }) { consents { active } }
        grantConsent(input: $input) { worker { consents { active grantee { id } } } }
      }`,
      { id: workerId, input: { workerId, granteeInstitutionId: trainer.institutionId, purpose: 'TRAINING' } },
    );
    expect(dataOf(granted).updateWorker.consents).toEqual([]);
    expect(dataOf(granted).grantConsent.worker.consents).toEqual([
      { active: true, grantee: { id: trainer.institutionId } },
    ]);
    const ktp = dataOf(
      await office.query<{ recordDocument: { id: string } }>(
        `mutation($input: RecordDocumentInput!) { recordDocument(input: $input) { id } }`,
        { input: { workerId, type: 'NATIONAL_ID', issuer: 'Dispendukcapil Kabupaten Malang' } },
      ),
    ).recordDocument;
    dataOf(await office.query(`mutation($id: ID!) { verifyDocument(id: $id) { status } }`, { id: ktp.id }));
    const corrected = await office.query(
      `mutation($id: ID!, $input: CorrectWorkerIdentityInput!) { correctWorkerIdentity(workerId: $id, input: $input) {
        fullName amendments { changes { field oldValue newValue } supportingDocument { type } } } }`,
      {
        id: workerId,
        input: {
          fullName: 'Dewi Koreksi Lestari Putri',
          reason: 'As on the KTP-el',
          supportingDocumentId: ktp.id,
        },
      },
    );
    expect(dataOf(corrected)).toEqual({
      correctWorkerIdentity: {
        fullName: 'Dewi Koreksi Lestari Putri',
        amendments: [
          {
            changes: [
              { field: 'fullName', oldValue: 'Dewi Koreksi Lestari', newValue: 'Dewi Koreksi Lestari Putri' },
            ],
            supportingDocument: { type: 'NATIONAL_ID' },
          },
          // The phone number updateWorker added earlier is kept as an amendment too (newest first).
          {
            changes: [{ field: 'phone', oldValue: null, newValue: '081234500001' }],
            supportingDocument: null,
          },
        ],
      },
    });
  });
});
