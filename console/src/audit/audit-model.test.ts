import { describe, expect, it } from 'vitest';
import {
  accessEventFilterOf,
  auditCriteriaOf,
  auditHref,
  filterWorkerLog,
  serviceSwitches,
  startOfDayInWib,
} from './audit-model.js';

describe("the auditor's period and filters", () => {
  it('asks the API for whole days in WIB, the last day included', () => {
    expect(startOfDayInWib('2026-12-01')).toBe('2026-11-30T17:00:00.000Z');
    expect(
      accessEventFilterOf({
        service: 'labour',
        institution: 'i-1',
        action: 'READ',
        from: '2026-12-01',
        to: '2026-12-31',
      }),
    ).toEqual({
      institutionId: 'i-1',
      action: 'READ',
      from: '2026-11-30T17:00:00.000Z',
      to: '2026-12-31T17:00:00.000Z',
    });
    expect(
      accessEventFilterOf({ service: 'ministry', institution: '', action: '', from: '', to: '' }),
    ).toEqual({});
  });

  it('reads the criteria from the address, leaving out what is not one, and writes them back without defaults', () => {
    const criteria = auditCriteriaOf(
      new URLSearchParams('service=nowhere&action=DELETE&from=2026-13&to=2026-12-31&institution=abc'),
    );
    expect(criteria).toEqual({
      service: 'labour',
      institution: 'abc',
      action: '',
      from: '',
      to: '2026-12-31',
    });
    expect(auditHref(criteria)).toBe('/audit?institution=abc&to=2026-12-31');
    expect(auditHref({ ...criteria, service: 'training', institution: '', to: '' })).toBe(
      '/audit?service=training',
    );
  });

  it('includes exactly the chosen service in the query', () => {
    expect(serviceSwitches('training')).toEqual({
      labour: false,
      ministry: false,
      training: true,
      university: false,
    });
  });

  it("narrows a worker's log by institution, action and the day in WIB", () => {
    const event = (at: string, institution: string, action: 'READ' | 'WRITE') => ({
      at,
      action,
      institution: { id: institution },
    });
    // 2026-11-30T18:00Z is already 1 December in WIB.
    const log = [
      event('2026-11-30T16:59:00Z', 'a', 'READ'),
      event('2026-11-30T18:00:00Z', 'a', 'WRITE'),
      event('2026-12-01T10:00:00Z', 'b', 'READ'),
    ];
    expect(
      filterWorkerLog(log, { institutionId: '', action: '', from: '2026-12-01', to: '2026-12-01' }),
    ).toEqual(log.slice(1));
    expect(filterWorkerLog(log, { institutionId: 'a', action: 'READ', from: '', to: '' })).toEqual([log[0]]);
  });
});
