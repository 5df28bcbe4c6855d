import { hash as digest } from 'node:crypto';
import type { CopyStream } from './copy.js';
import type { Directory, Institution } from './directory.js';
import type { Geography } from './geography.js';
import type { WorkerFacts } from './journey-context.js';
import { DAY_MS, KIND, randomFor, seededUuid, type Random } from './random.js';
import { FIRST_REGISTRATION_DAY, WORLD_DAY } from './worker.js';

/** Access events per worker, by subgraph: about three in all, most at the labour desk. */
export const EVENTS_PER_WORKER = { labour: 2, ministry: 0.5, training: 0.35, university: 0.15 } as const;
export type AuditedSubgraph = keyof typeof EVENTS_PER_WORKER;

interface EventContext {
  readonly workers: number;
  readonly directory: Directory;
  readonly geography: Geography;
  readonly facts: WorkerFacts;
}

interface Actor {
  readonly institution: Institution;
  readonly clientId: string;
  readonly actingSubject: string | null;
  readonly purpose: string | null;
}

interface Event {
  readonly actor: Actor;
  readonly action: 'READ' | 'WRITE';
  readonly entityType: string;
  readonly entityId: string;
  readonly worker: number;
  readonly district: string | null;
  readonly fields: readonly string[];
  readonly caseReference: string | null;
}

/**
 * The canonical text the chain hashes, exactly as the database's `access_event_digest` builds it:
 * `jsonb_build_array(...)::text`, whose elements are separated by ", ".
 */
function canonical(values: readonly (string | number | null | readonly string[])[]): string {
  const json = (value: string | number | null | readonly string[]): string =>
    Array.isArray(value)
      ? `[${value.map((item) => JSON.stringify(item)).join(', ')}]`
      : JSON.stringify(value);
  return `[${values.map(json).join(', ')}]`;
}

/** Microseconds since the epoch as `to_char(..., 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')` prints them. */
function microsText(micros: number): string {
  const millis = Math.floor(micros / 1000);
  return `${new Date(millis).toISOString().slice(0, 23)}${String(micros % 1000).padStart(3, '0')}Z`;
}

/** Workers in `list` (ascending indexes) registered before worker `bound`: how many. */
function countBelow(list: Uint32Array, bound: number): number {
  let low = 0;
  let high = list.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((list[middle] ?? 0) < bound) low = middle + 1;
    else high = middle;
  }
  return low;
}

function indexesWhere(count: number, test: (index: number) => boolean): Uint32Array {
  const found: number[] = [];
  for (let index = 0; index < count; index += 1) if (test(index)) found.push(index);
  return Uint32Array.from(found);
}

function officeActor(context: EventContext, worker: number, random: Random): Actor {
  const district = context.geography.districts[context.facts.district[worker] ?? 0];
  const office = context.directory.labourOffices[district?.regency.index ?? 0] ?? context.directory.ministry;
  return {
    institution: office,
    clientId: `disnaker-${(office.regionCode ?? '').replace('.', '-')}-ltsa`,
    actingSubject: `officer-${random.int(1, 12)}`,
    purpose: null,
  };
}

/**
 * Writes one subgraph's access log: events spread over the seeded years in time order, each
 * about a worker registered before it, chained as the database trigger would have chained them.
 */
export async function writeAccessLog(
  stream: CopyStream,
  subgraph: AuditedSubgraph,
  context: EventContext,
): Promise<number> {
  const { workers, facts, directory } = context;
  const total = Math.round(workers * EVENTS_PER_WORKER[subgraph]);
  const withProvider =
    subgraph === 'training' ? indexesWhere(workers, (i) => (facts.provider[i] ?? -1) >= 0) : null;
  const withUniversity =
    subgraph === 'university' ? indexesWhere(workers, (i) => (facts.university[i] ?? -1) >= 0) : null;
  const withCase =
    subgraph === 'ministry' ? indexesWhere(workers, (i) => (facts.caseIndex[i] ?? -1) >= 0) : null;
  const pool = withProvider ?? withUniversity ?? withCase;
  const firstMicros = (FIRST_REGISTRATION_DAY + 10) * DAY_MS * 1000;
  const stepMicros = Math.floor(
    ((WORLD_DAY - FIRST_REGISTRATION_DAY - 10) * DAY_MS * 1000) / Math.max(total, 1),
  );
  const span = WORLD_DAY - 3 - FIRST_REGISTRATION_DAY;
  const ministry: Actor = {
    institution: directory.ministry,
    clientId: 'kp2mi-case-officer',
    actingSubject: null,
    purpose: 'CASE_HANDLING',
  };
  let previousHash = 'genesis';
  let written = 0;
  for (let k = 0; k < total; k += 1) {
    const random = randomFor(100 + Object.keys(EVENTS_PER_WORKER).indexOf(subgraph), k);
    const micros = firstMicros + k * stepMicros + random.int(0, Math.floor(stepMicros / 2));
    const day = Math.floor(micros / 1000 / DAY_MS);
    const registered = Math.max(
      1,
      Math.min(workers, Math.floor(((day - 1 - FIRST_REGISTRATION_DAY) * workers) / span)),
    );
    let worker: number;
    if (pool) {
      const candidates = countBelow(pool, registered);
      if (candidates === 0) continue;
      worker = pool[Math.floor(random.next() * candidates)] ?? 0;
      // Nobody reads a case before it is opened.
      if (withCase && (facts.caseOpened[worker] ?? 0) > day) continue;
    } else {
      worker = Math.floor(random.next() * registered);
    }
    const event = eventFor(subgraph, worker, random, context, ministry);
    const position = written + 1;
    const at = microsText(micros);
    const requestId = seededUuid(KIND.request, k * 4 + Object.keys(EVENTS_PER_WORKER).indexOf(subgraph));
    const { actor } = event;
    const content = [
      position,
      at,
      requestId,
      subgraph,
      actor.institution.id,
      actor.institution.kind,
      actor.clientId,
      actor.actingSubject,
      actor.purpose,
      event.caseReference,
      event.action,
      event.entityType,
      event.entityId,
      seededUuid(KIND.worker, event.worker),
      event.district,
      event.fields,
    ] as const;
    const hash = digest('sha256', previousHash + canonical(content), 'hex');
    stream.row([
      seededUuid(KIND.accessEvent, k * 4 + Object.keys(EVENTS_PER_WORKER).indexOf(subgraph)),
      ...content.slice(0, 16),
      previousHash,
      hash,
    ]);
    previousHash = hash;
    written = position;
    if (written % 2000 === 0) await stream.flush();
  }
  return written;
}

function eventFor(
  subgraph: AuditedSubgraph,
  worker: number,
  random: Random,
  context: EventContext,
  ministry: Actor,
): Event {
  const { facts, directory, geography } = context;
  const district = geography.districts[facts.district[worker] ?? 0]?.code ?? null;
  const workerId = seededUuid(KIND.worker, worker);
  const base = {
    worker,
    district,
    caseReference: null,
    entityType: 'Worker',
    entityId: workerId,
    action: 'READ',
  } as const;
  switch (subgraph) {
    case 'labour': {
      const byOffice = random.chance(0.75);
      const actor = byOffice ? officeActor(context, worker, random) : ministry;
      if (byOffice && random.chance(0.2)) return { ...base, actor, action: 'WRITE', fields: ['status'] };
      if (random.chance(0.25)) {
        const document = random.int(0, 1);
        return {
          ...base,
          actor,
          entityType: 'Document',
          entityId: seededUuid(KIND.document, worker * 16 + document),
          district: null,
          fields: ['number', 'status', 'type'],
        };
      }
      return {
        ...base,
        actor,
        fields: random.chance(0.5)
          ? ['fullName', 'nik', 'status']
          : ['birthDate', 'fullName', 'nik', 'phone'],
      };
    }
    case 'ministry': {
      const caseIndex = facts.caseIndex[worker] ?? 0;
      const actor = random.chance(0.6) ? ministry : officeActor(context, worker, random);
      return {
        ...base,
        actor,
        entityType: 'Case',
        entityId: seededUuid(KIND.case, caseIndex),
        fields: ['category', 'status', 'summary'],
      };
    }
    case 'training': {
      const provider = directory.providers[facts.provider[worker] ?? 0] ?? directory.providers[0];
      if (!provider) throw new Error('no training provider');
      const actor = {
        institution: provider.institution,
        clientId: `lpk-${provider.index + 1}`,
        actingSubject: null,
        purpose: 'TRAINING',
      };
      return { ...base, actor, fields: ['enrollments', 'fullName'] };
    }
    case 'university': {
      const university = directory.universities[facts.university[worker] ?? 0] ?? directory.universities[0];
      if (!university) throw new Error('no university');
      const actor = {
        institution: university.institution,
        clientId: `university-${university.index + 1}`,
        actingSubject: null,
        purpose: 'EMPOWERMENT',
      };
      return { ...base, actor, fields: ['certifications', 'fullName', 'mentoringSessions'] };
    }
  }
}
