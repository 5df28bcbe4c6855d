import { buildDirectory } from './directory.js';
import { buildCases, buildConsents, buildMentoring, buildTraining } from './events.js';
import { buildPeople } from './people.js';
import { Random } from './random.js';
import type { World } from '../../shared/demo/world.js';

export interface WorldOptions {
  readonly workers: number;
  readonly seed?: number;
}

/** Generates the whole demo world, the same for the same options on every machine. */
export function buildWorld(options: WorldOptions): World {
  const random = new Random(options.seed ?? 20_251_128);
  const directory = buildDirectory(random);
  const { workers, placements, documents } = buildPeople(random, directory, { workers: options.workers });
  const consents = buildConsents(random, directory, workers, placements);
  const { cases, sanctions } = buildCases(random, directory, workers, placements);
  const { enrollments, certifications } = buildTraining(random, directory, consents);
  const sessions = buildMentoring(random, directory, consents);
  return {
    showcaseWorkerId: showcase(workers, cases, certifications, sessions),
    institutions: directory.institutions,
    clients: directory.clients,
    workers,
    placements,
    documents,
    consents,
    agencies: directory.agencies,
    jobOrders: directory.jobOrders,
    sanctions,
    cases,
    providers: directory.providers,
    courses: directory.courses,
    enrollments,
    certifications,
    universities: directory.universities,
    programs: directory.programs,
    mentors: directory.mentors,
    sessions,
  };
}

/** The worker whose record touches all four institutions, for the first query a newcomer runs. */
function showcase(
  workers: World['workers'],
  cases: World['cases'],
  certifications: World['certifications'],
  sessions: World['sessions'],
): string | null {
  const score = new Map<string, number>();
  const add = (id: string, points: number) => score.set(id, (score.get(id) ?? 0) + points);
  for (const item of cases) add(item.workerId, 4);
  for (const item of certifications) add(item.workerId, 2);
  for (const session of sessions)
    for (const participant of session.participants) add(participant.workerId, 1);
  let best: string | null = null;
  for (const worker of workers) {
    if (worker.status !== 'RETURNED') continue;
    if (best === null || (score.get(worker.id) ?? 0) > (score.get(best) ?? 0)) best = worker.id;
  }
  return best;
}
