import { describe, expect, it } from 'vitest';
import type { CertificateFact } from './checklist.js';
import { placementCompliance, type PlacementFacts, type RegistryFacts } from './compliance.js';

const AGENCY_ID = '0b6a5a58-8f5e-4d8e-9a39-2f7e1c1f0a01';
const OTHER_AGENCY_ID = '0b6a5a58-8f5e-4d8e-9a39-2f7e1c1f0a02';
const TODAY = '2025-06-15';

function placement(overrides: Partial<PlacementFacts> = {}): PlacementFacts {
  return {
    agencyId: AGENCY_ID,
    jobOrderId: 'c9a1f7a4-1111-4b8e-8e2f-6a1d1e1f0b01',
    scheme: 'PRIVATE_AGENCY',
    channel: 'PROCEDURAL',
    destinationCountry: 'HK',
    plannedDepartureDate: '2025-07-01',
    departureDate: null,
    missingDocuments: [],
    certificates: [],
    ...overrides,
  };
}

const AGENCY = {
  id: AGENCY_ID,
  name: 'PT Duta Mandiri',
  licenceNumber: 'SIP3MI/12/2024',
  licenceStatus: 'ACTIVE',
  licenceValidFrom: '2024-01-01',
  licenceValidUntil: '2028-12-31',
} as const;

const JOB_ORDER = {
  agencyId: AGENCY_ID,
  countryCode: 'HK',
  recruitmentPermitNumber: 'SIP2MI/7/2025',
  validFrom: '2025-01-01',
  validUntil: '2025-12-31',
  verifiedByMission: true,
} as const;

function registry(overrides: Partial<RegistryFacts> = {}): RegistryFacts {
  return { agency: AGENCY, jobOrder: JOB_ORDER, sanctions: [], ...overrides };
}

const codes = (result: ReturnType<typeof placementCompliance>) =>
  result.findings.map((finding) => finding.code);

describe('placementCompliance', () => {
  it('finds a procedural placement by a licensed agency against a valid, verified job order compliant', () => {
    expect(placementCompliance(placement(), registry(), TODAY)).toMatchObject({
      compliant: true,
      findings: [],
      checkedOn: '2025-07-01',
    });
  });

  it('checks on the departure date, else the planned date, else today', () => {
    expect(placementCompliance(placement({ departureDate: '2025-07-03' }), registry(), TODAY).checkedOn).toBe(
      '2025-07-03',
    );
    expect(placementCompliance(placement({ plannedDepartureDate: null }), registry(), TODAY).checkedOn).toBe(
      TODAY,
    );
  });

  it('flags a non-procedural departure as a violation', () => {
    const result = placementCompliance(placement({ channel: 'NON_PROCEDURAL' }), registry(), TODAY);
    expect(result.compliant).toBe(false);
    expect(result.findings[0]).toMatchObject({ code: 'NON_PROCEDURAL_CHANNEL', severity: 'VIOLATION' });
  });

  it('requires an agency and a job order for a private-agency placement', () => {
    const result = placementCompliance(
      placement({ agencyId: null, jobOrderId: null }),
      registry({ agency: null, jobOrder: null }),
      TODAY,
    );
    expect(codes(result)).toEqual(['AGENCY_MISSING', 'JOB_ORDER_MISSING']);
    expect(result.compliant).toBe(false);
  });

  it('accepts a government-to-government placement without agency or job order', () => {
    const result = placementCompliance(
      placement({ scheme: 'GOVERNMENT', agencyId: null, jobOrderId: null }),
      registry({ agency: null, jobOrder: null }),
      TODAY,
    );
    expect(result).toMatchObject({ compliant: true, findings: [] });
  });

  it('flags an agency and a job order the registry does not know', () => {
    const result = placementCompliance(placement(), registry({ agency: null, jobOrder: null }), TODAY);
    expect(codes(result)).toEqual(['AGENCY_UNKNOWN', 'JOB_ORDER_UNKNOWN']);
  });

  it('flags a suspended licence and a licence not valid on the check date', () => {
    const suspended = placementCompliance(
      placement(),
      registry({ agency: { ...AGENCY, licenceStatus: 'SUSPENDED' } }),
      TODAY,
    );
    expect(suspended.findings).toEqual([
      expect.objectContaining({ code: 'AGENCY_NOT_LICENSED', severity: 'VIOLATION' }),
    ]);
    expect(suspended.findings[0]?.message).toContain('suspended');
    const lapsed = placementCompliance(
      placement(),
      registry({ agency: { ...AGENCY, licenceValidUntil: '2025-06-30' } }),
      TODAY,
    );
    expect(lapsed.findings[0]?.message).toBe(
      'PT Duta Mandiri (licence SIP3MI/12/2024) is licensed from 2024-01-01 to 2025-06-30, not on 2025-07-01.',
    );
  });

  it('counts only sanctions in force on the check date, blocking ones as violations', () => {
    const result = placementCompliance(
      placement(),
      registry({
        sanctions: [
          {
            type: 'SUSPENSION',
            reason: 'Unpaid wages case',
            imposedOn: '2025-06-01',
            effectiveUntil: '2025-08-31',
          },
          { type: 'WRITTEN_WARNING', reason: 'Late reports', imposedOn: '2025-05-01', effectiveUntil: null },
          { type: 'SUSPENSION', reason: 'Old case', imposedOn: '2024-01-01', effectiveUntil: '2024-03-31' },
          { type: 'FINE', reason: 'Imposed later', imposedOn: '2025-09-01', effectiveUntil: null },
        ],
      }),
      TODAY,
    );
    expect(result.findings.map(({ code, severity }) => [code, severity])).toEqual([
      ['AGENCY_SANCTIONED', 'VIOLATION'],
      ['AGENCY_SANCTIONED', 'WARNING'],
    ]);
    expect(result.findings[0]?.message).toContain('suspension imposed on 2025-06-01 until 2025-08-31');
  });

  it('flags a job order that is expired, of another agency, for another country and unverified', () => {
    const result = placementCompliance(
      placement({ departureDate: '2026-02-01', destinationCountry: 'TW' }),
      registry({
        jobOrder: { ...JOB_ORDER, agencyId: OTHER_AGENCY_ID, verifiedByMission: false },
      }),
      TODAY,
    );
    expect(codes(result)).toEqual([
      'JOB_ORDER_NOT_VALID',
      'JOB_ORDER_OTHER_AGENCY',
      'JOB_ORDER_OTHER_COUNTRY',
      'JOB_ORDER_NOT_VERIFIED',
    ]);
    expect(result.findings.at(-1)?.severity).toBe('WARNING');
  });

  it('stays compliant with only warnings', () => {
    const result = placementCompliance(
      placement(),
      registry({ jobOrder: { ...JOB_ORDER, verifiedByMission: false } }),
      TODAY,
    );
    expect(result).toMatchObject({ compliant: true, findings: [{ code: 'JOB_ORDER_NOT_VERIFIED' }] });
  });

  it('names the missing documents in plain words', () => {
    const result = placementCompliance(
      placement({ missingDocuments: ['WORK_VISA', 'HEALTH_CERTIFICATE'] }),
      registry(),
      TODAY,
    );
    expect(result.findings).toEqual([
      {
        code: 'DOCUMENTS_INCOMPLETE',
        severity: 'VIOLATION',
        message: 'Documents missing, unverified or expired: work visa, health certificate.',
      },
    ]);
  });

  it('puts every violation before any warning', () => {
    const result = placementCompliance(
      placement({ missingDocuments: ['PASSPORT'] }),
      registry({
        jobOrder: { ...JOB_ORDER, verifiedByMission: false },
        sanctions: [{ type: 'FINE', reason: 'Overcharging', imposedOn: '2025-01-01', effectiveUntil: null }],
      }),
      TODAY,
    );
    expect(result.findings.map(({ code, severity }) => `${severity}:${code}`)).toEqual([
      'VIOLATION:DOCUMENTS_INCOMPLETE',
      'WARNING:AGENCY_SANCTIONED',
      'WARNING:JOB_ORDER_NOT_VERIFIED',
    ]);
  });
});

function certificate(overrides: Partial<CertificateFact> = {}): CertificateFact {
  return {
    id: 'd1f0c0de-2222-4b8e-8e2f-6a1d1e1f0c01',
    scheme: 'Housekeeping (Hong Kong)',
    issuer: 'LSP Pekerja Domestik Lintas Benua',
    number: 'LSP-PDLB/2025/0042',
    issuedOn: '2025-05-20',
    validUntil: '2028-05-19',
    revokedOn: null,
    ...overrides,
  };
}

const competency = (result: ReturnType<typeof placementCompliance>) =>
  result.evidence.find((item) => item.documentType === 'COMPETENCY_CERTIFICATE');

describe('placementCompliance with facts other institutions hold', () => {
  it('counts a valid certificate from training for the competency requirement and names it', () => {
    const result = placementCompliance(
      placement({ missingDocuments: ['COMPETENCY_CERTIFICATE'], certificates: [certificate()] }),
      registry(),
      TODAY,
    );
    expect(result.compliant).toBe(true);
    expect(result.findings).toEqual([]);
    expect(competency(result)).toEqual({
      item: 'DOCUMENT',
      documentType: 'COMPETENCY_CERTIFICATE',
      satisfied: true,
      source: 'TRAINING_CERTIFICATION',
      reference: 'LSP-PDLB/2025/0042',
      message:
        'competency certificate: satisfied by certificate LSP-PDLB/2025/0042 issued by LSP Pekerja Domestik Lintas Benua on 2025-05-20 (training)',
    });
  });

  it('does not count a certificate expired, revoked or not yet issued on the check date', () => {
    for (const stale of [
      certificate({ validUntil: '2025-06-30' }),
      certificate({ revokedOn: '2025-06-10' }),
      certificate({ revokedOn: '2025-07-01' }),
      certificate({ issuedOn: '2025-07-02', validUntil: null }),
    ]) {
      const result = placementCompliance(
        placement({ missingDocuments: ['COMPETENCY_CERTIFICATE'], certificates: [stale] }),
        registry(),
        TODAY,
      );
      expect(codes(result)).toEqual(['DOCUMENTS_INCOMPLETE']);
      expect(result.findings[0]?.message).toBe(
        'Documents missing, unverified or expired: competency certificate.',
      );
      expect(competency(result)).toMatchObject({ satisfied: false, source: null, reference: null });
    }
  });

  it('counts a certificate revoked after the departure, which covered the departure', () => {
    const result = placementCompliance(
      placement({
        departureDate: '2025-07-03',
        missingDocuments: ['COMPETENCY_CERTIFICATE'],
        certificates: [certificate({ revokedOn: '2025-09-01' })],
      }),
      registry(),
      TODAY,
    );
    expect(result.compliant).toBe(true);
    expect(competency(result)?.source).toBe('TRAINING_CERTIFICATION');
  });

  it('takes the first valid certificate, passing over a revoked one', () => {
    const result = placementCompliance(
      placement({
        missingDocuments: ['COMPETENCY_CERTIFICATE'],
        certificates: [
          certificate({ number: 'REVOKED-1', revokedOn: '2025-06-01' }),
          certificate({ number: 'GOOD-1', validUntil: null }),
        ],
      }),
      registry(),
      TODAY,
    );
    expect(competency(result)?.reference).toBe('GOOD-1');
  });

  it('says which documents the desk holds and which are missing, and keeps other missing documents', () => {
    const result = placementCompliance(
      placement({ missingDocuments: ['COMPETENCY_CERTIFICATE', 'WORK_VISA'], certificates: [certificate()] }),
      registry(),
      TODAY,
    );
    expect(result.findings[0]?.message).toBe('Documents missing, unverified or expired: work visa.');
    const documents = result.evidence.filter((item) => item.item === 'DOCUMENT');
    expect(documents.map((item) => `${item.documentType}:${item.source ?? 'MISSING'}`)).toEqual([
      'MARITAL_STATUS_LETTER:LABOUR_DESK',
      'FAMILY_PERMISSION:LABOUR_DESK',
      'COMPETENCY_CERTIFICATE:TRAINING_CERTIFICATION',
      'HEALTH_CERTIFICATE:LABOUR_DESK',
      'PASSPORT:LABOUR_DESK',
      'SOCIAL_SECURITY:LABOUR_DESK',
      'WORK_VISA:MISSING',
      'PLACEMENT_AGREEMENT:LABOUR_DESK',
      'EMPLOYMENT_AGREEMENT:LABOUR_DESK',
    ]);
    expect(documents.find((item) => item.documentType === 'HEALTH_CERTIFICATE')?.message).toBe(
      'health certificate: document recorded and verified at the LTSA desk (labour)',
    );
    expect(documents.find((item) => item.documentType === 'WORK_VISA')?.message).toBe(
      'work visa: missing, unverified or expired',
    );
  });

  it('names the desk when it holds the competency document and training has no valid certificate', () => {
    const result = placementCompliance(
      placement({ certificates: [certificate({ revokedOn: '2025-06-01' })] }),
      registry(),
      TODAY,
    );
    expect(competency(result)).toMatchObject({ satisfied: true, source: 'LABOUR_DESK', reference: null });
  });

  it('names the agency licence and the job order from the ministry registry', () => {
    const result = placementCompliance(placement(), registry(), TODAY);
    expect(result.evidence.slice(0, 2)).toEqual([
      {
        item: 'AGENCY_LICENCE',
        documentType: null,
        satisfied: true,
        source: 'MINISTRY_REGISTRY',
        reference: 'SIP3MI/12/2024',
        message: 'agency licence: SIP3MI/12/2024 of PT Duta Mandiri, valid on 2025-07-01 (ministry registry)',
      },
      {
        item: 'JOB_ORDER',
        documentType: null,
        satisfied: true,
        source: 'MINISTRY_REGISTRY',
        reference: 'SIP2MI/7/2025',
        message:
          'job order: SIP2MI/7/2025, valid on 2025-07-01 for this agency and country (ministry registry)',
      },
    ]);
  });

  it('marks a suspended licence and an unknown job order unsatisfied, without a source', () => {
    const result = placementCompliance(
      placement(),
      registry({ agency: { ...AGENCY, licenceStatus: 'SUSPENDED' }, jobOrder: null }),
      TODAY,
    );
    expect(
      result.evidence
        .slice(0, 2)
        .map(({ item, satisfied, source, message }) => ({ item, satisfied, source, message })),
    ).toEqual([
      {
        item: 'AGENCY_LICENCE',
        satisfied: false,
        source: null,
        message: 'agency licence: SIP3MI/12/2024 of PT Duta Mandiri does not allow placements on 2025-07-01',
      },
      { item: 'JOB_ORDER', satisfied: false, source: null, message: 'job order: no job order on record' },
    ]);
  });

  it('lists no agency or job order item for a government-to-government placement', () => {
    const result = placementCompliance(
      placement({ scheme: 'GOVERNMENT', agencyId: null, jobOrderId: null }),
      registry({ agency: null, jobOrder: null }),
      TODAY,
    );
    expect(result.evidence.every((item) => item.item === 'DOCUMENT')).toBe(true);
  });
});
