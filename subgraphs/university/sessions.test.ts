import { describe, expect, it } from 'vitest';
import type { MentoringProgramRow } from './db/schema.js';
import { participantDistricts, sessionDateProblem } from './sessions.js';

const program = { startDate: '2025-03-01', endDate: '2025-06-30' } as MentoringProgramRow;

describe('sessionDateProblem', () => {
  it('accepts the first and the last day of the programme', () => {
    expect(sessionDateProblem(program, '2025-03-01')).toBeNull();
    expect(sessionDateProblem(program, '2025-06-30')).toBeNull();
  });

  it('refuses a day before the start or after the end, saying which', () => {
    expect(sessionDateProblem(program, '2025-02-28')).toBe(
      'must not be before the programme starts (2025-03-01)',
    );
    expect(sessionDateProblem(program, '2025-07-01')).toBe(
      'must not be after the programme ends (2025-06-30)',
    );
  });

  it('accepts any later day for an open-ended programme', () => {
    expect(sessionDateProblem({ ...program, endDate: null }, '2030-01-01')).toBeNull();
  });
});

describe('participantDistricts', () => {
  it("takes each participant's district from the latest active fact, in the order asked", () => {
    const facts = [
      { workerId: 'b', workerDistrictCode: '35.05.01' },
      { workerId: 'a', workerDistrictCode: '35.07.11' },
      { workerId: 'a', workerDistrictCode: '35.07.13' },
    ];
    expect(participantDistricts(['a', 'b'], facts)).toEqual([
      { workerId: 'a', workerDistrictCode: '35.07.11' },
      { workerId: 'b', workerDistrictCode: '35.05.01' },
    ]);
  });

  it('answers null when any participant has no active fact', () => {
    expect(participantDistricts(['a', 'c'], [{ workerId: 'a', workerDistrictCode: '35.07.11' }])).toBeNull();
  });
});
