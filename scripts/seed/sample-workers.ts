import { isWithinRegion } from '../../shared/reference/regions.js';
import type { World, WorldConsent } from '../../shared/demo/world.js';

/**
 * For each demo client, a worker it can see, so that the README's per-institution queries work
 * when pasted: the showcase worker for the ministry and her own labour office; for the others a
 * worker of their region, or one with an active consent for them (with an enrolment or a mentoring
 * session of theirs where there is one, so the query shows something).
 */
export function sampleWorkers(world: World, now: Date = new Date()): ReadonlyMap<string, string> {
  const showcase = world.workers.find((worker) => worker.id === world.showcaseWorkerId);
  const active = (consent: WorldConsent) =>
    consent.revokedAt === null && (consent.expiresAt === null || consent.expiresAt > now);
  const samples = new Map<string, string>();
  for (const client of world.clients) {
    const institution = world.institutions.find((each) => each.id === client.institutionId);
    if (!institution) continue;
    let workerId: string | undefined;
    if (institution.kind === 'MINISTRY') workerId = showcase?.id;
    else if (institution.kind === 'LABOUR_OFFICE') {
      const region = institution.regionCode ?? '';
      workerId =
        showcase && isWithinRegion(showcase.districtCode, region)
          ? showcase.id
          : world.workers.find((worker) => isWithinRegion(worker.districtCode, region))?.id;
    } else {
      const purpose = institution.kind === 'TRAINING_PROVIDER' ? 'TRAINING' : 'EMPOWERMENT';
      const consenting = new Set(
        world.consents
          .filter((consent) => consent.granteeInstitutionId === institution.id)
          .filter((consent) => consent.purpose === purpose && active(consent))
          .map((consent) => consent.workerId),
      );
      workerId =
        busyWorkers(world, institution.id, purpose).find((id) => consenting.has(id)) ?? [...consenting][0];
    }
    if (workerId) samples.set(client.clientId, workerId);
  }
  return samples;
}

/** Workers with an enrolment at the institution's courses, or a session in its programmes. */
function busyWorkers(world: World, institutionId: string, purpose: 'TRAINING' | 'EMPOWERMENT'): string[] {
  if (purpose === 'TRAINING') {
    const providers = new Set(
      world.providers.filter((each) => each.institutionId === institutionId).map((each) => each.id),
    );
    const courses = new Set(
      world.courses.filter((course) => providers.has(course.providerId)).map((course) => course.id),
    );
    return world.enrollments.filter((each) => courses.has(each.courseId)).map((each) => each.workerId);
  }
  const universities = new Set(
    world.universities.filter((each) => each.institutionId === institutionId).map((each) => each.id),
  );
  const programs = new Set(
    world.programs.filter((program) => universities.has(program.universityId)).map((program) => program.id),
  );
  return world.sessions
    .filter((session) => programs.has(session.programId))
    .flatMap((session) => session.participants.map((participant) => participant.workerId));
}
