import type { Workload } from './workload.js';

/** (c) A university logs a mentoring session: a write, with its access event. */
export const mentoringWrite: Workload = {
  id: 'c-mentoring-write',
  title: '(c) university: log a mentoring session (write + access event)',
  actor: 'university',
  write: true,
  compareAnswers: false,
  query: /* GraphQL */ `
    mutation LogMentoringSession($input: LogMentoringSessionInput!) {
      logMentoringSession(input: $input) {
        id
        date
      }
    }
  `,
  variables: (fixtures, live) => ({
    input: {
      programId: fixtures.university.programId,
      mentorId: live.mentorId,
      participantIds: [fixtures.university.workerId],
      date: `${fixtures.year}-06-15`,
      durationMinutes: 60,
      mode: 'ONLINE',
      form: 'MENTORING',
      topics: ['FINANCIAL_LITERACY'],
    },
  }),
};

/** Finds a mentor of the fixture programme's university (the seeded data names none directly). */
export const MENTOR_OF_PROGRAM = /* GraphQL */ `
  query MentorOfProgram($id: ID!) {
    mentoringProgram(id: $id) {
      university {
        mentors {
          id
        }
      }
    }
  }
`;
