import { describe, expect, it } from 'vitest';
import { GraphQLError } from 'graphql';
import type { AccessEventView } from './access-log.js';
import {
  accessReport,
  isReportRead,
  mergeAccessEvents,
  type AccessReportArguments,
} from './access-report.js';

const OFFICE = '00000000-0000-4000-8000-000000000001';
const LPK = '00000000-0000-4000-8000-000000000002';

function event(overrides: Partial<AccessEventView> = {}): AccessEventView {
  return {
    at: '2026-12-01T03:00:00.000Z',
    institution: { id: OFFICE },
    clientId: 'desk',
    actingSubject: null,
    purpose: null,
    caseReference: null,
    service: 'labour',
    action: 'READ',
    entityType: 'Worker',
    entityId: 'w1',
    fields: ['fullName'],
    requestId: 'r1',
    clientRequestId: null,
    ...overrides,
  };
}

/** The field a BAD_USER_INPUT names, or the error when it is something else. */
function badField(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    if (error instanceof GraphQLError && error.extensions['code'] === 'BAD_USER_INPUT')
      return error.extensions['field'];
    throw error;
  }
  return 'no error';
}

describe('report reads', () => {
  it('marks a read of only the log (with the key the gateway routes by) as a report read', () => {
    expect(isReportRead(event({ fields: ['accessLog', 'districtCode', 'id'] }))).toBe(true);
    expect(isReportRead(event({ service: 'ministry', fields: ['ministryAccessEvents'] }))).toBe(true);
    expect(isReportRead(event({ entityType: 'AccessLog', fields: ['at', 'service'] }))).toBe(true);
  });

  it('keeps a read that took any other field, a bare key fetch and a write ordinary', () => {
    expect(isReportRead(event({ fields: ['accessLog', 'fullName'] }))).toBe(false);
    expect(isReportRead(event({ fields: ['districtCode', 'id'] }))).toBe(false);
    expect(isReportRead(event({ action: 'WRITE', fields: ['accessLog'] }))).toBe(false);
  });

  it("merges labour's key fetch and its log fetch of one request into one report read", () => {
    const merged = mergeAccessEvents(
      [
        event({ at: '2026-12-01T03:00:00.000Z', fields: ['districtCode', 'id'] }),
        event({ at: '2026-12-01T03:00:00.040Z', fields: ['accessLog'] }),
      ],
      [event({ service: 'ministry', fields: ['ministryAccessEvents'] })],
    );
    expect(merged.map((e) => [e.service, e.at, e.fields, e.isReportRead])).toEqual([
      ['labour', '2026-12-01T03:00:00.000Z', ['accessLog', 'districtCode', 'id'], true],
      ['ministry', '2026-12-01T03:00:00.000Z', ['ministryAccessEvents'], true],
    ]);
  });
});

describe('order and paging', () => {
  const log = mergeAccessEvents(
    [
      event({ at: '2026-12-01T01:00:00.000Z', requestId: 'a' }),
      event({ at: '2026-12-01T02:00:00.000Z', requestId: 'b' }),
      event({ at: '2026-12-01T02:00:00.000Z', requestId: 'c', entityType: 'Document', entityId: 'd1' }),
    ],
    [event({ at: '2026-12-01T02:00:00.000Z', service: 'ministry', requestId: 'b', entityType: 'Case' })],
    [event({ at: '2026-12-01T03:00:00.000Z', service: 'training', requestId: 'd' })],
  );

  it('puts the newest first and breaks ties by service, then request', () => {
    expect(log.map((e) => `${e.service}/${e.requestId}`)).toEqual([
      'training/d',
      'labour/b',
      'labour/c',
      'ministry/b',
      'labour/a',
    ]);
  });

  it('walks the whole log by cursor without repeats or gaps', () => {
    const seen: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 5; page += 1) {
      const report = accessReport(log, { first: 2, after });
      seen.push(...report.events.map((e) => `${e.service}/${e.requestId}`));
      expect(report.totalCount).toBe(5);
      if (!report.pageInfo.hasNextPage) break;
      after = report.pageInfo.endCursor;
    }
    expect(seen).toEqual(log.map((e) => `${e.service}/${e.requestId}`));
  });

  it('keeps its place when newer events arrive between pages', () => {
    const first = accessReport(log, { first: 2 });
    const grown = mergeAccessEvents(log, [event({ at: '2026-12-02T00:00:00.000Z', requestId: 'new' })]);
    const second = accessReport(grown, { first: 2, after: first.pageInfo.endCursor });
    expect(second.events.map((e) => `${e.service}/${e.requestId}`)).toEqual(['labour/c', 'ministry/b']);
  });
});

describe('filters and the summary', () => {
  const log = mergeAccessEvents([
    event({ at: '2026-11-30T16:59:59.000Z', requestId: 'late-30th', purpose: 'Desk request' }),
    event({ at: '2026-11-30T17:00:00.000Z', requestId: 'early-1st', action: 'WRITE' }),
    event({
      at: '2026-12-01T05:00:00.000Z',
      requestId: 'lpk',
      institution: { id: LPK },
      service: 'training',
    }),
    event({ at: '2026-12-01T06:00:00.000Z', requestId: 'report', fields: ['accessLog'] }),
  ]);
  const ids = (args: AccessReportArguments) => accessReport(log, args).events.map((e) => e.requestId);

  it('counts a day from 00:00 to 24:00 in Jakarta (WIB)', () => {
    expect(ids({ filter: { fromDate: '2026-11-30', toDate: '2026-11-30' } })).toEqual(['late-30th']);
    expect(ids({ filter: { fromDate: '2026-12-01' } })).toEqual(['report', 'lpk', 'early-1st']);
  });

  it('filters by institution, service, action, purpose and leaves report reads out on request', () => {
    expect(ids({ filter: { institutionIds: [LPK] } })).toEqual(['lpk']);
    expect(ids({ filter: { services: ['labour'], actions: ['WRITE'] } })).toEqual(['early-1st']);
    expect(ids({ filter: { purpose: 'desk' } })).toEqual(['late-30th']);
    expect(ids({ filter: { excludeReportReads: true } })).toEqual(['lpk', 'early-1st', 'late-30th']);
  });

  it('summarises per institution over everything the filter matched, not only the page', () => {
    const report = accessReport(log, { first: 1, filter: { excludeReportReads: true } });
    expect(report.events).toHaveLength(1);
    expect(report.summary).toEqual([
      {
        institution: { id: OFFICE },
        total: 2,
        actions: [
          { action: 'READ', count: 1 },
          { action: 'WRITE', count: 1 },
        ],
        firstAt: new Date('2026-11-30T16:59:59.000Z'),
        lastAt: new Date('2026-11-30T17:00:00.000Z'),
      },
      {
        institution: { id: LPK },
        total: 1,
        actions: [{ action: 'READ', count: 1 }],
        firstAt: new Date('2026-12-01T05:00:00.000Z'),
        lastAt: new Date('2026-12-01T05:00:00.000Z'),
      },
    ]);
  });
});

describe('bad arguments', () => {
  it.each([
    [{ first: 0 }, 'first'],
    [{ first: 101 }, 'first'],
    [{ after: 'not-a-cursor' }, 'after'],
    [{ filter: { institutionIds: ['office-1'] } }, 'filter.institutionIds'],
    [{ filter: { institutionIds: [] } }, 'filter.institutionIds'],
    [{ filter: { services: ['payroll'] } }, 'filter.services'],
    [{ filter: { fromDate: '2026-12-02', toDate: '2026-12-01' } }, 'filter.toDate'],
    [{ filter: { from: '2026-12-02T00:00:00Z', to: '2026-12-01T00:00:00Z' } }, 'filter.to'],
    [{ filter: { fromDate: '2026-12-01', from: '2026-12-01T00:00:00Z' } }, 'filter.from'],
    [{ filter: { purpose: ' \u0007 ' } }, 'filter.purpose'],
  ] satisfies [AccessReportArguments, string][])('refuses %j naming %s', (args, field) => {
    expect(badField(() => accessReport([], args))).toBe(field);
  });
});
