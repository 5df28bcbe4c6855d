import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayInJakarta } from '../../shared/scalars.js';
import { entitiesQuery, errorCodes } from '../../shared/testing/graphql-client.js';
import { startSubgraph, type SubgraphHarness } from '../../shared/testing/subgraph-harness.js';
import { accessEvents, amendments, placements, workers } from './db/schema.js';
import { createSubgraph } from './server.js';
import { insertTestPlacement, insertTestWorker } from './testing/factories.js';

const MALANG = { kind: 'LABOUR_OFFICE', regionCode: '35.07', institutionId: randomUUID() } as const;
const BLITAR = { kind: 'LABOUR_OFFICE', regionCode: '35.05' } as const;
const MINISTRY = { kind: 'MINISTRY' } as const;

let hub: SubgraphHarness;
beforeAll(async () => {
  hub = await startSubgraph(createSubgraph);
});
afterAll(async () => {
  await hub.close();
});

function daysAgo(days: number): string {
  const today = todayInJakarta();
  return new Date(Date.parse(`${today}T00:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10);
}

async function placementOf(status: 'PLANNED' | 'DEPARTED' | 'ABROAD' | 'RETURNED' | 'CANCELLED', more = {}) {
  const workerStatus = {
    PLANNED: 'VERIFIED',
    DEPARTED: 'DEPARTED',
    ABROAD: 'ABROAD',
    RETURNED: 'RETURNED',
    CANCELLED: 'VERIFIED',
  } as const;
  const worker = await insertTestWorker(hub.db, { status: workerStatus[status] });
  const dates = {
    PLANNED: {},
    CANCELLED: {},
    DEPARTED: { departureDate: daysAgo(3) },
    ABROAD: { departureDate: '2025-06-02', arrivalDate: '2025-06-03' },
    RETURNED: {
      departureDate: '2023-06-02',
      arrivalDate: '2023-06-03',
      actualReturnDate: '2025-06-01',
      returnReason: 'CONTRACT_COMPLETED' as const,
    },
  }[status];
  const placement = await insertTestPlacement(hub.db, worker.id, { status, ...dates, ...more });
  return { worker, placement };
}

async function stored(placementId: string) {
  const [row] = await hub.db.select().from(placements).where(eq(placements.id, placementId));
  const history = await hub.db.select().from(amendments).where(eq(amendments.entityId, placementId));
  return { row, history };
}

const AMEND = /* GraphQL */ `
  mutation ($id: ID!, $input: AmendPlacementInput!) {
    amendPlacement(placementId: $id, input: $input) {
      employerName
      monthlyWage
      wageCurrency
      plannedDepartureDate
      jobOrder {
        id
      }
      amendments {
        kind
        changes {
          field
          oldValue
          newValue
        }
        reason
        amendedBy {
          id
        }
        clientId
        at
      }
    }
  }
`;

describe('amendPlacement', () => {
  it('changes contract fields of a planned placement and keeps the old values with who, when and why', async () => {
    const { placement } = await placementOf('PLANNED');
    const jobOrderId = randomUUID();
    const response = await hub.request<{ amendPlacement: Record<string, unknown> }>(MALANG, AMEND, {
      id: placement.id,
      input: {
        employerName: 'Wong Family',
        monthlyWage: 5100,
        jobOrderId,
        reason: 'New employment agreement',
      },
    });
    expect(response.errors).toEqual([]);
    expect(response.data?.amendPlacement).toMatchObject({
      employerName: 'Wong Family',
      monthlyWage: 5100,
      jobOrder: { id: jobOrderId },
      amendments: [
        {
          kind: 'PLACEMENT_AMENDED',
          reason: 'New employment agreement',
          amendedBy: { id: MALANG.institutionId },
          changes: [
            { field: 'jobOrder', oldValue: placement.jobOrderId, newValue: jobOrderId },
            { field: 'employerName', oldValue: 'Chan Family', newValue: 'Wong Family' },
            { field: 'monthlyWage', oldValue: '4990', newValue: '5100' },
          ],
        },
      ],
    });
    const events = await hub.db
      .select()
      .from(accessEvents)
      .where(and(eq(accessEvents.entityId, placement.id), eq(accessEvents.action, 'WRITE')));
    expect(events.map((event) => event.fields)).toEqual([['employerName', 'jobOrder', 'monthlyWage']]);
  });

  it('changes the contract of a placement abroad but refuses its plan with CONFLICT saying what is allowed', async () => {
    const { placement } = await placementOf('ABROAD');
    const contract = await hub.request(MALANG, AMEND, {
      id: placement.id,
      input: { employerName: 'Lee Family', reason: 'Transferred to a new employer' },
    });
    expect(contract.errors).toEqual([]);
    const plan = await hub.request(MALANG, AMEND, {
      id: placement.id,
      input: { plannedDepartureDate: '2025-05-01', reason: 'Typo' },
    });
    expect(errorCodes(plan)).toEqual(['CONFLICT']);
    expect(plan.errors[0]?.message).toContain('only while the placement is PLANNED; this one is ABROAD');
  });

  it('refuses every amendment of a returned or cancelled placement', async () => {
    for (const status of ['RETURNED', 'CANCELLED'] as const) {
      const { placement } = await placementOf(status);
      const response = await hub.request(MALANG, AMEND, {
        id: placement.id,
        input: { monthlyWage: 6000, reason: 'Late correction' },
      });
      expect(errorCodes(response)).toEqual(['CONFLICT']);
      expect((await stored(placement.id)).row?.monthlyWage).toBe(4990);
    }
  });

  it('answers bad input with BAD_USER_INPUT naming the field, and writes nothing', async () => {
    const { placement } = await placementOf('PLANNED');
    const cases = [
      [{ employerName: 'X Family', reason: '   ' }, 'input.reason'],
      [{ expectedReturnDate: '2025-01-01', reason: 'Shorter contract' }, 'input.expectedReturnDate'],
      [{ wageCurrency: null, reason: 'Unknown currency' }, 'input.wageCurrency'],
      [{ occupation: null, reason: 'Clear it' }, 'input.occupation'],
      [{ employerName: 'Chan Family', monthlyWage: 4990, reason: 'Same again' }, 'input'],
      [{ destinationCountry: 'ID', reason: 'Domestic' }, 'input.destinationCountry'],
    ] as const;
    for (const [input, field] of cases) {
      const response = await hub.request(MALANG, AMEND, { id: placement.id, input });
      expect(errorCodes(response), JSON.stringify(input)).toEqual(['BAD_USER_INPUT']);
      expect(response.errors[0]?.extensions?.['field']).toBe(field);
    }
    const missingReason = await hub.request(MALANG, AMEND, { id: placement.id, input: { monthlyWage: 1 } });
    expect(missingReason.errors).toHaveLength(1);
    const { row, history } = await stored(placement.id);
    expect(row).toMatchObject({
      employerName: 'Chan Family',
      monthlyWage: 4990,
      expectedReturnDate: '2027-06-01',
    });
    expect(history).toEqual([]);
  });

  it('refuses callers who may not write the placement, as the worker rules say', async () => {
    const { placement } = await placementOf('PLANNED');
    const input = { monthlyWage: 6000, reason: 'Raise' };
    expect(errorCodes(await hub.request(BLITAR, AMEND, { id: placement.id, input }))).toEqual(['NOT_FOUND']);
    expect(errorCodes(await hub.request(MINISTRY, AMEND, { id: placement.id, input }))).toEqual([
      'FORBIDDEN',
    ]);
    expect(errorCodes(await hub.request(MALANG, AMEND, { id: randomUUID(), input }))).toEqual(['NOT_FOUND']);
    expect(errorCodes(await hub.request(MALANG, AMEND, { id: 'not-an-id', input }))).toEqual([
      'BAD_USER_INPUT',
    ]);
    expect((await stored(placement.id)).history).toEqual([]);
  });
});

const CANCEL = /* GraphQL */ `
  mutation ($id: ID!, $reason: String!) {
    cancelPlacement(placementId: $id, reason: $reason) {
      status
      departureDate
      worker {
        status
      }
      amendments {
        kind
        reason
        changes {
          field
          oldValue
          newValue
        }
      }
    }
  }
`;

describe('cancelPlacement', () => {
  it('calls off a planned placement and leaves the worker where she was', async () => {
    const { placement } = await placementOf('PLANNED');
    const response = await hub.request(MALANG, CANCEL, { id: placement.id, reason: 'Employer withdrew' });
    expect(response.errors).toEqual([]);
    expect(response.data).toEqual({
      cancelPlacement: {
        status: 'CANCELLED',
        departureDate: null,
        worker: { status: 'VERIFIED' },
        amendments: [
          {
            kind: 'PLACEMENT_CANCELLED',
            reason: 'Employer withdrew',
            changes: [{ field: 'status', oldValue: 'PLANNED', newValue: 'CANCELLED' }],
          },
        ],
      },
    });
  });

  it('undoes a departure recorded days ago: no departure date, the worker verified again', async () => {
    const { placement, worker } = await placementOf('DEPARTED');
    const response = await hub.request(MALANG, CANCEL, {
      id: placement.id,
      reason: 'Turned back at the airport',
    });
    expect(response.errors).toEqual([]);
    expect(response.data?.['cancelPlacement']).toMatchObject({
      status: 'CANCELLED',
      departureDate: null,
      worker: { status: 'VERIFIED' },
      amendments: [
        {
          changes: [
            { field: 'status', oldValue: 'DEPARTED', newValue: 'CANCELLED' },
            { field: 'departureDate', oldValue: placement.departureDate, newValue: null },
          ],
        },
      ],
    });
    const workerEvents = await hub.db
      .select()
      .from(accessEvents)
      .where(and(eq(accessEvents.entityId, worker.id), eq(accessEvents.action, 'WRITE')));
    expect(workerEvents.map((event) => event.fields)).toEqual([['status']]);
  });

  it('moves a worker recorded as non-procedural back to REGISTERED when that record is cancelled', async () => {
    const worker = await insertTestWorker(hub.db, { status: 'NON_PROCEDURAL' });
    const placement = await insertTestPlacement(hub.db, worker.id, { channel: 'NON_PROCEDURAL' });
    const response = await hub.request(MALANG, CANCEL, {
      id: placement.id,
      reason: 'Recorded for the wrong person',
    });
    expect(response.data?.['cancelPlacement']).toMatchObject({ worker: { status: 'REGISTERED' } });
  });

  it('refuses to cancel an old departure, an arrival abroad or a cancelled placement, saying what to do', async () => {
    const old = await placementOf('DEPARTED', { departureDate: daysAgo(30) });
    const oldAnswer = await hub.request(MALANG, CANCEL, { id: old.placement.id, reason: 'Too late' });
    expect(errorCodes(oldAnswer)).toEqual(['CONFLICT']);
    expect(oldAnswer.errors[0]?.message).toContain('within 14 days of the departure');
    for (const status of ['ABROAD', 'RETURNED', 'CANCELLED'] as const) {
      const { placement } = await placementOf(status);
      const response = await hub.request(MALANG, CANCEL, { id: placement.id, reason: 'Cancel' });
      expect(errorCodes(response)).toEqual(['CONFLICT']);
      expect(response.errors[0]?.message).toContain(
        'A placement can be cancelled only while the placement is PLANNED or DEPARTED',
      );
      expect((await stored(placement.id)).row?.status).toBe(status);
    }
    const [row] = await hub.db.select().from(workers).where(eq(workers.id, old.worker.id));
    expect(row?.status).toBe('DEPARTED');
  });

  it('refuses a cancellation without a reason', async () => {
    const { placement } = await placementOf('PLANNED');
    const response = await hub.request(MALANG, CANCEL, { id: placement.id, reason: '' });
    expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
    expect(response.errors[0]?.extensions?.['field']).toBe('reason');
    expect((await stored(placement.id)).row?.status).toBe('PLANNED');
  });
});

const CORRECT_DEPARTURE = /* GraphQL */ `
  mutation ($id: ID!, $on: Date!, $reason: String!) {
    correctDeparture(placementId: $id, departedOn: $on, reason: $reason) {
      departureDate
      amendments {
        kind
        changes {
          field
          oldValue
          newValue
        }
      }
    }
  }
`;

describe('correctDeparture', () => {
  it('corrects the departure date of a departed, abroad or returned placement, keeping the old date', async () => {
    for (const status of ['DEPARTED', 'ABROAD', 'RETURNED'] as const) {
      const { placement } = await placementOf(status);
      const on = status === 'DEPARTED' ? daysAgo(4) : placement.departureDate?.replace(/02$/, '01');
      const response = await hub.request(MALANG, CORRECT_DEPARTURE, {
        id: placement.id,
        on,
        reason: 'Typed wrong',
      });
      expect(response.errors, status).toEqual([]);
      expect(response.data?.['correctDeparture']).toEqual({
        departureDate: on,
        amendments: [
          {
            kind: 'DEPARTURE_CORRECTED',
            changes: [{ field: 'departureDate', oldValue: placement.departureDate, newValue: on }],
          },
        ],
      });
    }
  });

  it('refuses to correct the departure of a placement that has not departed', async () => {
    const { placement } = await placementOf('PLANNED');
    const response = await hub.request(MALANG, CORRECT_DEPARTURE, {
      id: placement.id,
      on: '2025-06-01',
      reason: 'x',
    });
    expect(errorCodes(response)).toEqual(['CONFLICT']);
    expect(response.errors[0]?.message).toContain('DEPARTED, ABROAD or RETURNED; this one is PLANNED');
  });

  it('refuses a date after the arrival, in the future or equal to the recorded one, and writes nothing', async () => {
    const { placement } = await placementOf('ABROAD');
    for (const on of ['2025-06-04', daysAgo(-2), '2025-06-02']) {
      const response = await hub.request(MALANG, CORRECT_DEPARTURE, { id: placement.id, on, reason: 'Typo' });
      expect(errorCodes(response), on).toEqual(['BAD_USER_INPUT']);
      expect(response.errors[0]?.extensions?.['field'], JSON.stringify(response.errors)).toBe('departedOn');
    }
    expect(await stored(placement.id)).toMatchObject({ row: { departureDate: '2025-06-02' }, history: [] });
  });
});

const CORRECT_RETURN = /* GraphQL */ `
  mutation ($id: ID!, $on: Date, $why: ReturnReason, $reason: String!) {
    correctReturn(placementId: $id, returnedOn: $on, returnReason: $why, reason: $reason) {
      actualReturnDate
      returnReason
      amendments {
        kind
        changes {
          field
          oldValue
          newValue
        }
      }
    }
  }
`;

describe('correctReturn', () => {
  it('corrects the date and reason of a return, keeping both old values', async () => {
    const { placement } = await placementOf('RETURNED');
    const response = await hub.request(MALANG, CORRECT_RETURN, {
      id: placement.id,
      on: '2025-05-20',
      why: 'TERMINATED_EARLY',
      reason: 'Worker reported the early end',
    });
    expect(response.errors).toEqual([]);
    expect(response.data?.['correctReturn']).toEqual({
      actualReturnDate: '2025-05-20',
      returnReason: 'TERMINATED_EARLY',
      amendments: [
        {
          kind: 'RETURN_CORRECTED',
          changes: [
            { field: 'actualReturnDate', oldValue: '2025-06-01', newValue: '2025-05-20' },
            { field: 'returnReason', oldValue: 'CONTRACT_COMPLETED', newValue: 'TERMINATED_EARLY' },
          ],
        },
      ],
    });
  });

  it('refuses to correct a return not yet recorded', async () => {
    const { placement } = await placementOf('ABROAD');
    const response = await hub.request(MALANG, CORRECT_RETURN, {
      id: placement.id,
      why: 'ILLNESS',
      reason: 'x',
    });
    expect(errorCodes(response)).toEqual(['CONFLICT']);
  });

  it('refuses a return before the arrival or a correction that names nothing', async () => {
    const { placement } = await placementOf('RETURNED');
    const early = await hub.request(MALANG, CORRECT_RETURN, {
      id: placement.id,
      on: '2023-06-01',
      reason: 'x',
    });
    expect(early.errors[0]?.extensions?.['field']).toBe('returnedOn');
    const nothing = await hub.request(MALANG, CORRECT_RETURN, { id: placement.id, reason: 'x' });
    expect(errorCodes(nothing)).toEqual(['BAD_USER_INPUT']);
    expect((await stored(placement.id)).history).toEqual([]);
  });
});

describe('Placement.amendments through _entities', () => {
  it('answers the ministry and refuses a training provider, who sees no placement at all', async () => {
    const { placement } = await placementOf('PLANNED');
    await hub.request(MALANG, CANCEL, { id: placement.id, reason: 'Employer withdrew' });
    const query = entitiesQuery('Placement', 'status amendments { kind reason }');
    const representations = [{ __typename: 'Placement', id: placement.id }];
    const ministry = await hub.request(MINISTRY, query, { representations });
    expect(ministry.data).toEqual({
      _entities: [
        { status: 'CANCELLED', amendments: [{ kind: 'PLACEMENT_CANCELLED', reason: 'Employer withdrew' }] },
      ],
    });
    const trainer = await hub.request({ kind: 'TRAINING_PROVIDER' }, query, { representations });
    expect(trainer.data).toEqual({ _entities: [null] });
    const blitar = await hub.request(BLITAR, query, { representations });
    expect(blitar.data).toEqual({ _entities: [null] });
  });
});
