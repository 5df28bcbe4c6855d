import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCodes } from '../../shared/testing/graphql-client.js';
import { startSubgraph, type SubgraphHarness } from '../../shared/testing/subgraph-harness.js';
import { createSubgraph } from './server.js';
import {
  ARJOWILANGUN,
  insertTestMentor,
  insertTestPartner,
  insertTestProgram,
  insertTestUniversity,
} from './testing/factories.js';

const REGISTER = /* GraphQL */ `
  mutation ($input: RegisterUniversityInput!) {
    registerUniversity(input: $input) {
      id
      name
      regionCode
      institution {
        id
      }
      programs {
        id
      }
      mentors {
        id
      }
    }
  }
`;
const CREATE_PROGRAM = /* GraphQL */ `
  mutation ($input: CreateMentoringProgramInput!) {
    createMentoringProgram(input: $input) {
      id
      title
      empowermentType
      villageCode
      startDate
      endDate
      description
      university {
        id
      }
      sessions {
        id
      }
    }
  }
`;
const ADD_MENTOR = /* GraphQL */ `
  mutation ($input: AddMentorInput!) {
    addMentor(input: $input) {
      id
      fullName
      expertise
      university {
        id
      }
    }
  }
`;

let hub: SubgraphHarness;
beforeAll(async () => {
  hub = await startSubgraph(createSubgraph);
});
afterAll(async () => {
  await hub.close();
});

const universityOf = (institutionId: string) => ({ kind: 'UNIVERSITY', institutionId }) as const;

async function universityCount(): Promise<number> {
  const response = await hub.request<{ universities: unknown[] }>(
    { kind: 'MINISTRY' },
    '{ universities { id } }',
  );
  return response.data?.universities.length ?? -1;
}

describe('registerUniversity', () => {
  it('registers a university for the calling institution, readable by every member', async () => {
    const institutionId = randomUUID();
    const response = await hub.request<{ registerUniversity: { id: string } }>(
      universityOf(institutionId),
      REGISTER,
      {
        input: { name: '  Universitas Islam Malang ', regionCode: '35.73' },
      },
    );
    expect(response.errors).toEqual([]);
    const id = response.data?.registerUniversity.id;
    expect(response.data?.registerUniversity).toEqual({
      id,
      name: 'Universitas Islam Malang',
      regionCode: '35.73',
      institution: { id: institutionId },
      programs: [],
      mentors: [],
    });
    const read = await hub.request(
      { kind: 'TRAINING_PROVIDER' },
      'query($id: ID!) { university(id: $id) { name } }',
      { id },
    );
    expect(read.data).toEqual({ university: { name: 'Universitas Islam Malang' } });
  });

  it('refuses an unknown region code and an empty name, naming both fields, and writes nothing', async () => {
    const before = await universityCount();
    const response = await hub.request(universityOf(randomUUID()), REGISTER, {
      input: { name: '   ', regionCode: '35.99' },
    });
    expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
    const fields = (response.errors[0]?.extensions?.['issues'] as { field: string }[]).map(
      (issue) => issue.field,
    );
    expect(fields).toEqual(['input.name', 'input.regionCode']);
    expect(await universityCount()).toBe(before);
  });

  it('refuses a second university of the same name for one institution', async () => {
    const identity = universityOf(randomUUID());
    const input = { name: 'Universitas Brawijaya', regionCode: '35.73' };
    await hub.request(identity, REGISTER, { input });
    expect(errorCodes(await hub.request(identity, REGISTER, { input }))).toEqual(['CONFLICT']);
  });

  it('refuses institutions that are not universities and clients without mentoring:write', async () => {
    const input = { name: 'Universitas Palsu', regionCode: '35.07' };
    expect(errorCodes(await hub.request({ kind: 'TRAINING_PROVIDER' }, REGISTER, { input }))).toEqual([
      'FORBIDDEN',
    ]);
    const readOnly = { kind: 'UNIVERSITY', institutionId: randomUUID(), scopes: ['workers:read'] } as const;
    expect(errorCodes(await hub.request(readOnly, REGISTER, { input }))).toEqual(['FORBIDDEN']);
  });
});

describe('createMentoringProgram', () => {
  it('starts a programme of the own university and lists it newest first', async () => {
    const institutionId = randomUUID();
    const university = await insertTestUniversity(hub.db, institutionId);
    await insertTestProgram(hub.db, university.id, { startDate: '2024-01-01' });
    const input = {
      universityId: university.id,
      title: 'Literasi keuangan purna PMI Bantur',
      empowermentType: 'ECONOMIC',
      villageCode: ARJOWILANGUN,
      startDate: '2025-03-01',
      endDate: '2025-03-05',
      description: 'Pelatihan dan pendampingan kewirausahaan.',
    };
    const response = await hub.request<{ createMentoringProgram: { id: string } }>(
      universityOf(institutionId),
      CREATE_PROGRAM,
      { input },
    );
    expect(response.errors).toEqual([]);
    const id = response.data?.createMentoringProgram.id;
    const { universityId, ...fields } = input;
    expect(response.data?.createMentoringProgram).toEqual({
      id,
      ...fields,
      university: { id: universityId },
      sessions: [],
    });
    const listed = await hub.request<{ mentoringPrograms: { id: string }[] }>(
      { kind: 'MINISTRY' },
      'query($u: ID) { mentoringPrograms(universityId: $u) { id title } }',
      { u: university.id },
    );
    expect(listed.data?.mentoringPrograms.map((program) => program.id)[0]).toBe(id);
    expect(listed.data?.mentoringPrograms).toHaveLength(2);
  });

  it('refuses an end before the start and a kecamatan instead of a village', async () => {
    const institutionId = randomUUID();
    const university = await insertTestUniversity(hub.db, institutionId);
    const response = await hub.request(universityOf(institutionId), CREATE_PROGRAM, {
      input: {
        universityId: university.id,
        title: 'X',
        empowermentType: 'SOCIAL',
        villageCode: '35.07.11',
        startDate: '2025-03-01',
        endDate: '2025-02-01',
      },
    });
    expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
    const fields = (response.errors[0]?.extensions?.['issues'] as { field: string }[]).map(
      (issue) => issue.field,
    );
    expect(fields.sort()).toEqual(['input.endDate', 'input.villageCode']);
    const programs = await hub.request(
      { kind: 'MINISTRY' },
      'query($u: ID) { mentoringPrograms(universityId: $u) { id } }',
      { u: university.id },
    );
    expect(programs.data).toEqual({ mentoringPrograms: [] });
  });

  it("answers NOT_FOUND for another institution's university and for an unknown one", async () => {
    const other = await insertTestUniversity(hub.db, randomUUID());
    const input = {
      title: 'X',
      empowermentType: 'SOCIAL',
      villageCode: ARJOWILANGUN,
      startDate: '2025-03-01',
    };
    for (const universityId of [other.id, randomUUID()]) {
      const response = await hub.request(universityOf(randomUUID()), CREATE_PROGRAM, {
        input: { ...input, universityId },
      });
      expect(errorCodes(response)).toEqual(['NOT_FOUND']);
      expect(response.errors[0]?.message).toBe('University not found.');
    }
  });

  it('refuses a malformed university id as bad input before any lookup', async () => {
    const response = await hub.request(universityOf(randomUUID()), CREATE_PROGRAM, {
      input: {
        universityId: "1' or 1=1 --",
        title: 'X',
        empowermentType: 'SOCIAL',
        villageCode: ARJOWILANGUN,
        startDate: '2025-03-01',
      },
    });
    expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
    expect(response.errors[0]?.extensions?.['field']).toBe('input.universityId');
  });
});

describe('addMentor', () => {
  it('adds a mentor with distinct topics of expertise', async () => {
    const { institutionId, university } = await insertTestPartner(hub.db);
    const response = await hub.request(universityOf(institutionId), ADD_MENTOR, {
      input: {
        universityId: university.id,
        fullName: 'Dr. Sri Wahyuni',
        expertise: ['FINANCIAL_LITERACY', 'COOPERATIVE'],
      },
    });
    expect(response.errors).toEqual([]);
    expect(response.data?.['addMentor']).toMatchObject({
      fullName: 'Dr. Sri Wahyuni',
      expertise: ['FINANCIAL_LITERACY', 'COOPERATIVE'],
      university: { id: university.id },
    });
  });

  it('refuses an empty or repeated expertise list and an oversized name', async () => {
    const { institutionId, university } = await insertTestPartner(hub.db);
    for (const [expertise, fullName] of [
      [[], 'Dr. A'],
      [['MARKETING', 'MARKETING'], 'Dr. A'],
      [['MARKETING'], 'A'.repeat(121)],
    ] as const) {
      const response = await hub.request(universityOf(institutionId), ADD_MENTOR, {
        input: { universityId: university.id, fullName, expertise },
      });
      expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
      expect(response.errors[0]?.extensions?.['field']).toBe(
        expertise.length === 1 ? 'input.fullName' : 'input.expertise',
      );
    }
    const mentors = await hub.request(
      { kind: 'MINISTRY' },
      'query($id: ID!) { university(id: $id) { mentors { id } } }',
      { id: university.id },
    );
    expect(mentors.data).toEqual({ university: { mentors: [{ id: expect.any(String) }] } });
  });

  it("answers NOT_FOUND when adding a mentor to another institution's university", async () => {
    const { university } = await insertTestPartner(hub.db);
    const response = await hub.request(universityOf(randomUUID()), ADD_MENTOR, {
      input: { universityId: university.id, fullName: 'Dr. Intruder', expertise: ['SKILLS'] },
    });
    expect(errorCodes(response)).toEqual(['NOT_FOUND']);
  });
});

describe('directory reads', () => {
  it('answers null for unknown and malformed ids, and BAD_USER_INPUT for a malformed programme filter', async () => {
    const response = await hub.request(
      { kind: 'LABOUR_OFFICE' },
      'query($a: ID!, $b: ID!) { university(id: $a) { id } mentoringProgram(id: $b) { id } mentoringSession(id: $b) { id } }',
      { a: randomUUID(), b: 'not-a-uuid' },
    );
    expect(response.data).toEqual({ university: null, mentoringProgram: null, mentoringSession: null });
    const filtered = await hub.request(
      { kind: 'MINISTRY' },
      '{ mentoringPrograms(universityId: "nope") { id } }',
    );
    expect(errorCodes(filtered)).toEqual(['BAD_USER_INPUT']);
    expect(filtered.errors[0]?.extensions?.['field']).toBe('universityId');
  });

  it('shows programmes and mentors of a university to any member, with the university behind them', async () => {
    const { university, program, mentor } = await insertTestPartner(hub.db);
    await insertTestMentor(hub.db, university.id, { fullName: 'Aa First Mentor' });
    const response = await hub.request<{
      university: { programs: unknown[]; mentors: { fullName: string }[] };
    }>(
      { kind: 'TRAINING_PROVIDER' },
      'query($id: ID!) { university(id: $id) { programs { id university { id } } mentors { fullName university { id } } } }',
      { id: university.id },
    );
    expect(response.data?.university.programs).toEqual([
      { id: program.id, university: { id: university.id } },
    ]);
    expect(response.data?.university.mentors.map((m) => m.fullName)).toEqual([
      'Aa First Mentor',
      mentor.fullName,
    ]);
  });
});
