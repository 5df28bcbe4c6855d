import { dataOf, type TestClient } from './hub.js';

export interface LicensedAgency {
  readonly agencyId: string;
  readonly jobOrderId: string;
}

/**
 * A licensed placement agency with a job order verified by the mission, registered through the
 * gateway by a ministry client: what a procedural placement needs before the desk records it.
 * `serial` keeps the licence and permit numbers unique within one hub.
 */
export async function licensedAgencyWithJobOrder(
  ministry: TestClient,
  serial: number,
  jobOrder: {
    readonly employerName?: string;
    readonly validFrom?: string;
    readonly validUntil?: string;
  } = {},
): Promise<LicensedAgency> {
  const agency = dataOf(
    await ministry.query<{ registerPlacementAgency: { id: string } }>(
      `mutation($input: RegisterPlacementAgencyInput!) { registerPlacementAgency(input: $input) { id } }`,
      {
        input: {
          name: `PT Sejahtera ${serial}`,
          licenceNumber: `SIP3MI/${serial}/KP2MI/2024`,
          licenceValidFrom: '2024-01-01',
          licenceValidUntil: '2029-12-31',
          headOfficeRegionCode: '35.07',
        },
      },
    ),
  ).registerPlacementAgency;
  const order = dataOf(
    await ministry.query<{ createJobOrder: { id: string } }>(
      `mutation($input: CreateJobOrderInput!) { createJobOrder(input: $input) { id } }`,
      {
        input: {
          agencyId: agency.id,
          countryCode: 'HK',
          employerName: jobOrder.employerName ?? 'Chan Family',
          occupation: 'HOUSEKEEPER',
          quota: 10,
          recruitmentPermitNumber: `SIP2MI/${serial}/00001`,
          validFrom: jobOrder.validFrom ?? '2025-01-01',
          validUntil: jobOrder.validUntil ?? '2028-12-31',
          verifiedByMission: true,
        },
      },
    ),
  ).createJobOrder;
  return { agencyId: agency.id, jobOrderId: order.id };
}
