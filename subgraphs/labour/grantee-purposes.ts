import { GraphQLError } from 'graphql';
import { BadUserInputError } from '../../shared/errors.js';
import type { Context } from './context.js';

type Purpose = 'TRAINING' | 'EMPOWERMENT';

/** Which consent purposes each kind of institution can receive (DESIGN 4: rows). */
const PURPOSES_BY_KIND: Readonly<Record<string, readonly Purpose[]>> = {
  TRAINING_PROVIDER: ['TRAINING'],
  UNIVERSITY: ['EMPOWERMENT'],
  LABOUR_OFFICE: [],
  MINISTRY: [],
};

const KIND_IN_WORDS: Readonly<Record<string, string>> = {
  TRAINING_PROVIDER: 'a training provider',
  UNIVERSITY: 'a university partner',
  LABOUR_OFFICE: 'a labour office',
  MINISTRY: 'the ministry',
};

const PURPOSE_IN_WORDS: Readonly<Record<Purpose, string>> = {
  TRAINING: 'TRAINING (courses and certificates)',
  EMPOWERMENT: 'EMPOWERMENT (mentoring for returnees)',
};

interface Grantee {
  readonly name: string;
  readonly kind: string;
}

/** The refusal in plain words: what the grantee is and which purposes it can receive. */
export function granteeRefusal(grantee: Grantee | null, purpose: Purpose): BadUserInputError {
  if (!grantee)
    return BadUserInputError.of('input.granteeInstitutionId', 'names no member institution of the hub');
  const what = `${grantee.name} is ${KIND_IN_WORDS[grantee.kind] ?? grantee.kind}`;
  const purposes = PURPOSES_BY_KIND[grantee.kind] ?? [];
  if (purposes.length === 0)
    return BadUserInputError.of(
      'input.granteeInstitutionId',
      `${what}: it reads workers by statutory task and receives no consent`,
    );
  return BadUserInputError.of(
    'input.purpose',
    `${what}, which can receive consent for ${purposes.map((each) => PURPOSE_IN_WORDS[each]).join(' or ')} only, not ${purpose}`,
  );
}

const INSTITUTION = 'query GranteeOfConsent($id: ID!) { institution(id: $id) { name kind } }';

/** The ministry's directory could not be asked: nothing is recorded until it can. */
export class DirectoryUnavailableError extends GraphQLError {
  constructor() {
    super(
      'The hub directory could not be reached to check the grantee, so nothing was recorded. Try again.',
      {
        extensions: { code: 'SERVICE_UNAVAILABLE' },
      },
    );
  }
}

/**
 * Checked before a grant is recorded, so the officer hears at once when the grantee cannot
 * receive this consent: the ministry's directory says what the grantee is, asked through the
 * gateway with the officer's own identity. The grantees' subgraphs then take the fact as labour
 * signed it; they refuse nothing on the merits.
 */
export async function assertGranteeTakes(
  context: Context,
  granteeInstitutionId: string,
  purpose: Purpose,
): Promise<void> {
  const result = await context.graph
    .execute<{ institution: Grantee | null }>(
      INSTITUTION,
      { id: granteeInstitutionId },
      { authorization: context.authorization, meta: context.meta },
    )
    .catch((error: unknown) => {
      context.logger.warn({ err: error }, 'the directory could not be asked about a consent grantee');
      return null;
    });
  if (!result || result.errors.length > 0 || !result.data) throw new DirectoryUnavailableError();
  const grantee = result.data.institution;
  if (!grantee || !(PURPOSES_BY_KIND[grantee.kind] ?? []).includes(purpose))
    throw granteeRefusal(grantee, purpose);
}
