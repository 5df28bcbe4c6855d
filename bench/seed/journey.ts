import type { CopySet } from './copy.js';
import type { Directory, Provider } from './directory.js';
import { writeCase } from './cases.js';
import { writeMentoring } from './mentoring.js';
import { writeTraining } from './training.js';
import { at, type Consent, type JourneyContext } from './journey-context.js';
import { KIND, seededUuid, type Random } from './random.js';
import { WORLD_DAY, type Person, type Placement } from './worker.js';

function writeConsent(
  copy: CopySet,
  random: Random,
  person: Person,
  n: number,
  grantee: string,
  purpose: 'TRAINING' | 'EMPOWERMENT',
  granted: number,
): Consent {
  const id = seededUuid(KIND.consent, person.index * 4 + n);
  const grantedAt = at(granted, 10);
  const expires = purpose === 'TRAINING' && random.chance(0.2) ? granted + 365 : null;
  const expiresAt = expires === null ? null : at(expires, 10);
  const revokedDay = random.chance(0.03) ? Math.min(granted + random.int(10, 90), WORLD_DAY - 1) : null;
  const revokedAt = revokedDay === null ? null : at(revokedDay, 14);
  copy
    .to('labour.consents')
    .row([id, person.id, grantee, purpose, grantedAt, expiresAt, revokedAt, person.office.id]);
  // The labour office shares every consent with both consent-checking subgraphs.
  const fact = [
    id,
    person.id,
    purpose,
    grantee,
    person.district.code,
    grantedAt,
    expiresAt,
    revokedAt,
    revokedAt ?? grantedAt,
  ];
  copy.to('training.consent_facts').row(fact);
  copy.to('university.consent_facts').row(fact);
  return { id, granted, expires, revoked: revokedDay };
}

function pickProvider(
  random: Random,
  person: Person,
  directory: Directory,
  except: Provider | null,
): Provider {
  const near = directory.providersByRegency.get(person.district.regency.index) ?? [];
  const pool = near.length > 0 && random.chance(0.8) ? near : directory.providers;
  const provider = random.pick(pool);
  return provider === except ? random.pick(directory.providers) : provider;
}

/** Consents given at the desk, and the enrolments, certificates and mentoring that follow them. */
export function writeJourney(
  copy: CopySet,
  random: Random,
  person: Person,
  placement: Placement | null,
  context: JourneyContext,
): void {
  const { directory, facts } = context;
  facts.district[person.index] = person.district.index;
  facts.provider[person.index] = -1;
  facts.university[person.index] = -1;
  facts.caseIndex[person.index] = -1;
  let consents = 0;
  if (person.status !== 'PROSPECTIVE' && random.chance(0.8)) {
    let previous: Provider | null = null;
    for (let n = random.chance(0.15) ? 2 : 1; n > 0; n -= 1) {
      const granted = Math.min(person.registeredDay + random.int(3, 30), WORLD_DAY - 1);
      const provider: Provider = pickProvider(random, person, directory, previous);
      if (provider === previous) continue;
      previous = provider;
      const number = consents++;
      const consent = writeConsent(
        copy,
        random,
        person,
        number,
        provider.institution.id,
        'TRAINING',
        granted,
      );
      if (facts.provider[person.index] === -1) facts.provider[person.index] = provider.index;
      if (consent.revoked === null) writeTraining(copy, random, person, provider, consent, number, context);
    }
  }
  if (person.status === 'RETURNED' && placement?.actualReturn != null && random.chance(0.6)) {
    const granted = Math.min(placement.actualReturn + random.int(2, 20), WORLD_DAY - 1);
    const near = directory.universities.filter((item) => item.district.regency === person.district.regency);
    const university = random.pick(near.length > 0 && random.chance(0.7) ? near : directory.universities);
    const consent = writeConsent(
      copy,
      random,
      person,
      consents++,
      university.institution.id,
      'EMPOWERMENT',
      granted,
    );
    facts.university[person.index] = university.index;
    if (consent.revoked === null && random.chance(0.2))
      writeMentoring(copy, random, person, university, consent, context);
  }
  if (placement) writeCase(copy, random, person, placement, context);
}
