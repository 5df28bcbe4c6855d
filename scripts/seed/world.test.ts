import { describe, expect, it } from 'vitest';
import { nikProblem } from '../../shared/validation/nik.js';
import { nikAgreementProblem } from '../../subgraphs/labour/nik-agreement.js';
import { sampleWorkers } from './sample-workers.js';
import { buildWorld } from './world.js';

// One world for every property: generating it is the slow part.
const world = buildWorld({ workers: 1500 });

describe('the demo world', () => {
  it('gives every worker a valid, unique NIK that agrees with her birth date, sex and regency', () => {
    const problems = world.workers.flatMap((worker) => {
      const problem =
        nikProblem(worker.nik) ??
        nikAgreementProblem({
          nik: worker.nik,
          birthDate: worker.birthDate,
          sex: worker.sex,
          districtCode: worker.districtCode,
        })?.message;
      return problem ? [`${worker.nik}: ${problem}`] : [];
    });
    expect(problems).toEqual([]);
    expect(new Set(world.workers.map((worker) => worker.nik)).size).toBe(world.workers.length);
  });

  it('spreads NIK serials: a minority ends in 0001, most are small', () => {
    const serials = world.workers.map((worker) => Number(worker.nik.slice(12)));
    const share = (test: (serial: number) => boolean) => serials.filter(test).length / serials.length;
    expect(share((serial) => serial === 1)).toBeLessThan(0.4);
    expect(share((serial) => serial <= 9)).toBeGreaterThan(0.8);
  });

  it('enrols no course past its capacity (withdrawals free their place)', () => {
    const live = new Map<string, number>();
    for (const enrollment of world.enrollments)
      if (enrollment.status !== 'WITHDRAWN')
        live.set(enrollment.courseId, (live.get(enrollment.courseId) ?? 0) + 1);
    const overfull = world.courses
      .filter((course) => (live.get(course.id) ?? 0) > course.capacity)
      .map((course) => `${course.title}: ${live.get(course.id)} of ${course.capacity}`);
    expect(overfull).toEqual([]);
    expect(world.enrollments.length).toBeGreaterThan(0);
  });
});

describe('the sample worker the start banner prints for each demo client', () => {
  const samples = sampleWorkers(world, new Date('2026-11-01T00:00:00Z'));

  it('is one the client can see: in its region, or with an active consent for its institution', () => {
    expect(samples.size).toBe(world.clients.length);
    for (const client of world.clients) {
      const institution = world.institutions.find((each) => each.id === client.institutionId);
      const worker = world.workers.find((each) => each.id === samples.get(client.clientId));
      expect(worker, client.clientId).toBeDefined();
      if (institution?.kind === 'LABOUR_OFFICE')
        expect(worker?.districtCode.startsWith(`${institution.regionCode}.`)).toBe(true);
      if (institution?.kind === 'TRAINING_PROVIDER' || institution?.kind === 'UNIVERSITY') {
        const purpose = institution.kind === 'TRAINING_PROVIDER' ? 'TRAINING' : 'EMPOWERMENT';
        const consent = world.consents.find(
          (each) =>
            each.workerId === worker?.id &&
            each.granteeInstitutionId === institution.id &&
            each.purpose === purpose &&
            each.revokedAt === null,
        );
        expect(consent, client.clientId).toBeDefined();
      }
    }
  });

  it('is the showcase worker for the ministry', () => {
    expect(samples.get('kp2mi-case-officer')).toBe(world.showcaseWorkerId);
  });
});
