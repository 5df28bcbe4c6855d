import { describe, expect, it } from 'vitest';
import { auditTable, type AuditRelation } from './audit.js';
import { auditAttackers, cellKey, tableSystem } from './audit-table.js';
import { protectTable } from './protect.js';
import { breakdown, totals } from './test-tables.js';

// A regency of three kecamatan: 2 + 10 + 12 = 24.
const REGENCY: AuditRelation[] = [{ total: 'R', parts: ['a', 'b', 'c'] }];

describe('the LP audit itself', () => {
  it('recovers a small cell withheld on its own', async () => {
    const published = new Map([
      ['R', 24],
      ['a', null],
      ['b', 10],
      ['c', 12],
    ]);
    const { recovered } = await auditTable(published, REGENCY);
    expect(recovered).toEqual([{ cell: 'a', min: 2, max: 2 }]);
  });

  it('gives two withheld siblings the range their published total allows', async () => {
    const published = new Map([
      ['R', 24],
      ['a', null],
      ['b', null],
      ['c', 12],
    ]);
    const result = await auditTable(published, REGENCY, {}, { intervals: true });
    expect(result.recovered).toEqual([]);
    expect(result.intervals).toEqual([
      { cell: 'a', min: 1, max: 11 },
      { cell: 'b', min: 1, max: 11 },
    ]);
  });

  it('an insider who knows one withheld cell recovers its partner', async () => {
    const published = new Map([
      ['R', 24],
      ['a', null],
      ['b', null],
      ['c', 12],
    ]);
    const { recovered } = await auditTable(published, REGENCY, { known: new Map([['b', 10]]) });
    expect(recovered).toEqual([{ cell: 'a', min: 2, max: 2 }]);
  });

  it('a lower bound known to a contributor narrows the range and can pin a cell down', async () => {
    const published = new Map([
      ['R', 24],
      ['a', null],
      ['b', null],
      ['c', 12],
    ]);
    const { recovered } = await auditTable(published, REGENCY, { lowerBounds: new Map([['b', 11]]) });
    expect(recovered).toEqual([
      { cell: 'a', min: 1, max: 1 },
      { cell: 'b', min: 11, max: 11 },
    ]);
  });

  it('refuses a reference table that breaks a relation', async () => {
    const published = new Map([
      ['R', 24],
      ['a', null],
      ['b', null],
      ['c', 12],
    ]);
    const reference = new Map([
      ['a', 3],
      ['b', 10],
    ]);
    await expect(auditTable(published, REGENCY, {}, { reference })).rejects.toThrow(/relation/);
  });

  it('an office sees through a regency total withheld with a single neighbour', async () => {
    // Regencies 35.07 (1 + 2 = 3) and 35.08 (10 + 12), province 35 = 25 published.
    const cells: [string, number | null][] = [
      ['35', 25],
      ['35.07', null],
      ['35.08', null],
      ['35.07.01', null],
      ['35.07.02', null],
      ['35.08.01', null],
      ['35.08.02', 12],
    ];
    const relations: AuditRelation[] = [
      { total: '35', parts: ['35.07', '35.08'] },
      { total: '35.07', parts: ['35.07.01', '35.07.02'] },
      { total: '35.08', parts: ['35.08.01', '35.08.02'] },
    ];
    const outsider = await auditTable(new Map(cells), relations);
    expect(outsider.recovered).toEqual([]);
    const office = await auditTable(new Map(cells), relations, {
      known: new Map([
        ['35.08', 22],
        ['35.08.01', 10],
      ]),
    });
    expect(office.recovered).toEqual([{ cell: '35.07', min: 3, max: 3 }]);
  });
});

const HAND_MADE = {
  'a single small kecamatan among siblings': totals({
    '35.07.01': 2,
    '35.07.02': 10,
    '35.07.03': 12,
    '35.08.01': 20,
  }),
  'a regency whose total is small': totals({
    '35.07.01': 1,
    '35.07.02': 2,
    '35.08.01': 10,
    '35.08.02': 12,
    '35.09.01': 15,
    '35.09.02': 9,
    '35.10.01': 30,
  }),
  'a regency with a single kecamatan': totals({
    '35.07.01': 3,
    '35.08.01': 10,
    '35.08.02': 12,
    '35.09.01': 15,
  }),
  'a destination breakdown with one small country': breakdown({
    '35.07.01': { MY: 20, SA: 3, HK: 12 },
    '35.07.02': { MY: 15, SA: 9, HK: 8 },
    '35.07.03': { MY: 30, SA: 11, HK: 7 },
  }),
  'zeros everywhere but one cell': totals({ '35.07.01': 0, '35.07.02': 3, '35.08.01': 0, '36.01.01': 0 }),
  'all cells small': breakdown({
    '35.07.01': { MY: 1, SA: 2 },
    '35.07.02': { MY: 1 },
    '35.08.01': { SA: 1 },
  }),
  'two provinces, small regencies in both': breakdown({
    '35.07.01': { MY: 2, SA: 40 },
    '35.07.02': { MY: 1, SA: 12 },
    '35.08.01': { MY: 30, SA: 3 },
    '36.01.01': { MY: 3, SA: 20 },
    '36.02.01': { MY: 25, SA: 2 },
    '36.02.02': { MY: 9, SA: 14 },
    '36.03.01': { MY: 12, SA: 1 },
  }),
};

describe('hand-made tables under the audit', () => {
  for (const [name, rows] of Object.entries(HAND_MADE)) {
    it(`${name}: neither an outsider nor any provincial or regency office recovers a withheld cell`, async () => {
      const table = protectTable(rows, { verifyPatterns: true });
      const reports = await auditAttackers(table, 'all', { intervals: true });
      expect(reports.filter((report) => report.recovered.length > 0)).toEqual([]);
      expect(reports.map((report) => report.attacker)).toContain('35');
    });
  }

  it('an outsider can only place the small country between 1 and what its neighbours leave', async () => {
    const table = protectTable(HAND_MADE['a destination breakdown with one small country']);
    const system = tableSystem(table);
    const { intervals } = await auditTable(system.published, system.relations, {}, { intervals: true });
    const sa = intervals.find((interval) => interval.cell === cellKey('35.07.01', 'SA'));
    // SA + HK is 15 in 35.07.01 and SA is 23 - 11 = 12 over both withheld kecamatan, each at least 1.
    expect(sa).toEqual({ cell: '35.07.01/SA', min: 1, max: 11 });
  });
});

describe('shifts given to the audit', () => {
  const published = new Map<string, number | null>([
    ['R', 24],
    ['a', null],
    ['b', null],
    ['c', 12],
  ]);
  const reference = new Map([
    ['a', 2],
    ['b', 10],
  ]);

  it('a checked shift tells its cells apart without changing the result', async () => {
    const shifts = [
      new Map([
        ['a', 1],
        ['b', -1],
      ]),
    ];
    expect((await auditTable(published, REGENCY, {}, { reference, shifts })).recovered).toEqual([]);
  });

  it('a shift that breaks a relation, a bound or the attacker’s knowledge is refused', async () => {
    const unbalanced = [new Map([['a', 1]])];
    await expect(auditTable(published, REGENCY, {}, { reference, shifts: unbalanced })).rejects.toThrow(
      /relation/,
    );
    const belowOne = [
      new Map([
        ['a', -2],
        ['b', 2],
      ]),
    ];
    await expect(auditTable(published, REGENCY, {}, { reference, shifts: belowOne })).rejects.toThrow(
      /bound/,
    );
    const known = { known: new Map([['b', 10]]) };
    const movesKnown = [
      new Map([
        ['a', 1],
        ['b', -1],
      ]),
    ];
    await expect(auditTable(published, REGENCY, known, { reference, shifts: movesKnown })).rejects.toThrow(
      /knows/,
    );
  });
});
