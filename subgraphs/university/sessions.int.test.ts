import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayInJakarta } from '../../shared/scalars.js';
import { errorCodes } from '../../shared/testing/graphql-client.js';
import { startSubgraph, type SubgraphHarness } from '../../shared/testing/subgraph-harness.js';
import { createSubgraph } from './server.js';
import {
  insertTestConsentFact,
  insertTestMentor,
  insertTestPartner,
  insertTestProgram,
  insertTestUniversity,
  sessionInput,
} from './testing/factories.js';

const LOG = /* GraphQL */ `
  mutation ($input: LogMentoringSessionInput!) {
    logMentoringSession(input: $input) {
      id
      date
      durationMinutes
      mode
      locationCode
      form
      topics
      businessStatus
      revenueBand
      needs
      referrals
      actionPlan
      nextSessionDate
      reMigrationIntent
      notes
      program {
        id
      }
      mentor {
        id
      }
      participants {
        id
      }
    }
  }
`;
const SESSIONS_OF_PROGRAM = 'query($id: ID!) { mentoringProgram(id: $id) { sessions { id } } }';

let hub: SubgraphHarness;
beforeAll(async () => {
  hub = await startSubgraph(createSubgraph);
});
afterAll(async () => {
  await hub.close();
});

/** A partner whose two workers have consented to it; `identity` is its university client. */
async function consentingPartner() {
  const partner = await insertTestPartner(hub.db);
  const workers = [randomUUID(), randomUUID()];
  await insertTestConsentFact(hub.db, workers[0] as string, partner.institutionId, {
    workerDistrictCode: '35.07.11',
  });
  await insertTestConsentFact(hub.db, workers[1] as string, partner.institutionId, {
    workerDistrictCode: '35.05.01',
  });
  return {
    ...partner,
    workers,
    identity: { kind: 'UNIVERSITY', institutionId: partner.institutionId } as const,
  };
}

async function sessionIdsOf(programId: string, identity = { kind: 'MINISTRY' } as const): Promise<unknown> {
  const response = await hub.request<{ mentoringProgram: { sessions: { id: string }[] } }>(
    identity,
    SESSIONS_OF_PROGRAM,
    { id: programId },
  );
  return response.data?.mentoringProgram.sessions.map((session) => session.id);
}

describe('logMentoringSession', () => {
  it('logs a session of the own programme with consenting participants, in full', async () => {
    const { program, mentor, workers, identity } = await consentingPartner();
    const input = sessionInput(program.id, mentor.id, workers);
    const response = await hub.request<{ logMentoringSession: { id: string } }>(identity, LOG, { input });
    expect(response.errors).toEqual([]);
    const { programId, mentorId, participantIds, ...fields } = input;
    expect(response.data?.logMentoringSession).toEqual({
      id: expect.any(String),
      ...fields,
      program: { id: programId },
      mentor: { id: mentorId },
      participants: expect.arrayContaining(participantIds.map((id) => ({ id }))),
    });
    expect(await sessionIdsOf(program.id)).toEqual([response.data?.logMentoringSession.id]);
  });

  it('refuses a participant without an active consent as an unknown worker, and writes nothing', async () => {
    const { institutionId, program, mentor, workers, identity } = await consentingPartner();
    const revoked = randomUUID();
    await insertTestConsentFact(hub.db, revoked, institutionId, { revokedAt: new Date() });
    const expired = randomUUID();
    await insertTestConsentFact(hub.db, expired, institutionId, { expiresAt: new Date(Date.now() - 1000) });
    const otherGrantee = randomUUID();
    await insertTestConsentFact(hub.db, otherGrantee, randomUUID());
    const training = randomUUID();
    await insertTestConsentFact(hub.db, training, institutionId, { purpose: 'TRAINING' });
    for (const stranger of [randomUUID(), revoked, expired, otherGrantee, training]) {
      const response = await hub.request(identity, LOG, {
        input: sessionInput(program.id, mentor.id, [...workers, stranger]),
      });
      expect(errorCodes(response)).toEqual(['NOT_FOUND']);
      expect(response.errors[0]?.message).toBe('Worker not found.');
    }
    expect(await sessionIdsOf(program.id)).toEqual([]);
  });

  it("answers NOT_FOUND for another institution's programme and refuses another university's mentor", async () => {
    const { program, mentor, workers, identity } = await consentingPartner();
    const stranger = await insertTestPartner(hub.db);
    const foreignProgram = await hub.request(identity, LOG, {
      input: sessionInput(stranger.program.id, mentor.id, workers),
    });
    expect(errorCodes(foreignProgram)).toEqual(['NOT_FOUND']);
    expect(foreignProgram.errors[0]?.message).toBe('MentoringProgram not found.');
    const foreignMentor = await hub.request(identity, LOG, {
      input: sessionInput(program.id, stranger.mentor.id, workers),
    });
    expect(errorCodes(foreignMentor)).toEqual(['BAD_USER_INPUT']);
    expect(foreignMentor.errors[0]?.extensions?.['field']).toBe('input.mentorId');
  });

  it('refuses a mentor of another university of the same institution', async () => {
    const { institutionId, program, workers, identity } = await consentingPartner();
    const sister = await insertTestUniversity(hub.db, institutionId);
    const sisterMentor = await insertTestMentor(hub.db, sister.id);
    const response = await hub.request(identity, LOG, {
      input: sessionInput(program.id, sisterMentor.id, workers),
    });
    expect(response.errors[0]?.extensions?.['field']).toBe('input.mentorId');
  });

  it('refuses dates outside the programme run and in the future', async () => {
    const { university, program, mentor, workers, identity } = await consentingPartner();
    const ended = await insertTestProgram(hub.db, university.id, {
      startDate: '2024-01-01',
      endDate: '2024-12-31',
    });
    const tomorrow = new Date(Date.now() + 86_400_000 + 7 * 3_600_000).toISOString().slice(0, 10);
    const cases: [string, Record<string, unknown>, string][] = [
      [program.id, { date: '2019-12-31' }, 'must not be before the programme starts (2020-01-01)'],
      [ended.id, { date: '2025-01-01' }, 'must not be after the programme ends (2024-12-31)'],
      [program.id, { date: tomorrow, nextSessionDate: null }, 'must not be in the future'],
    ];
    for (const [programId, change, message] of cases) {
      const response = await hub.request(identity, LOG, {
        input: sessionInput(programId, mentor.id, workers, change),
      });
      expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
      expect(response.errors[0]?.extensions?.['field']).toBe('input.date');
      expect(response.errors[0]?.message).toContain(message);
    }
    expect(await sessionIdsOf(ended.id)).toEqual([]);
  });

  it('refuses every malformed field with BAD_USER_INPUT naming it', async () => {
    const { program, mentor, workers, identity } = await consentingPartner();
    const cases: [Record<string, unknown>, string][] = [
      [{ programId: 'x' }, 'input.programId'],
      [{ participantIds: [] }, 'input.participantIds'],
      [{ participantIds: [workers[0], workers[0]] }, 'input.participantIds'],
      [{ participantIds: Array.from({ length: 51 }, () => randomUUID()) }, 'input.participantIds'],
      [{ participantIds: ['not-an-id'] }, 'input.participantIds.0'],
      [{ durationMinutes: 4 }, 'input.durationMinutes'],
      [{ durationMinutes: 601 }, 'input.durationMinutes'],
      [{ locationCode: null }, 'input.locationCode'],
      [{ locationCode: '35.07.11.2999' }, 'input.locationCode'],
      [{ mode: 'ONLINE' }, 'input.locationCode'],
      [{ topics: [] }, 'input.topics'],
      [{ topics: ['MARKETING', 'MARKETING'] }, 'input.topics'],
      [{ needs: Array.from({ length: 21 }, () => 'modal') }, 'input.needs'],
      [{ needs: [''] }, 'input.needs.0'],
      [{ referrals: ['BANK_KUR', 'BANK_KUR'] }, 'input.referrals'],
      [{ nextSessionDate: '2025-03-04' }, 'input.nextSessionDate'],
      [{ notes: 'x'.repeat(2001) }, 'input.notes'],
      [{ actionPlan: '   ' }, 'input.actionPlan'],
    ];
    for (const [change, field] of cases) {
      const response = await hub.request(identity, LOG, {
        input: sessionInput(program.id, mentor.id, workers, change),
      });
      expect(errorCodes(response), field).toEqual(['BAD_USER_INPUT']);
      expect(response.errors[0]?.extensions?.['field']).toBe(field);
    }
    expect(await sessionIdsOf(program.id)).toEqual([]);
  });

  it('accepts an online session without a location, dated today', async () => {
    const { program, mentor, workers, identity } = await consentingPartner();
    const input = sessionInput(program.id, mentor.id, workers.slice(0, 1), {
      mode: 'ONLINE',
      locationCode: null,
      date: todayInJakarta(),
      nextSessionDate: null,
      needs: null,
      referrals: null,
    });
    const response = await hub.request(identity, LOG, { input });
    expect(response.data).toMatchObject({
      logMentoringSession: { mode: 'ONLINE', locationCode: null, needs: null },
    });
  });

  it('refuses other institutions and university clients without mentoring:write', async () => {
    const { institutionId, program, mentor, workers } = await consentingPartner();
    const input = sessionInput(program.id, mentor.id, workers);
    for (const identity of [
      { kind: 'MINISTRY' },
      { kind: 'LABOUR_OFFICE' },
      { kind: 'TRAINING_PROVIDER', institutionId },
      { kind: 'UNIVERSITY', institutionId, scopes: ['workers:read', 'stats:read'] },
    ] as const) {
      expect(errorCodes(await hub.request(identity, LOG, { input }))).toEqual(['FORBIDDEN']);
    }
  });
});
