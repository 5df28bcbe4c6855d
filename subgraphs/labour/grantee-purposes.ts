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

/**
 * Asked only once a grantee's subgraph has refused a consent: the ministry's directory says what
 * the grantee is, through the gateway with the officer's own identity. Null when the directory
 * cannot say (then the grantee subgraph's own words stand).
 */
export async function explainGranteeRefusal(
  context: Context,
  granteeInstitutionId: string,
  purpose: Purpose,
): Promise<BadUserInputError | null> {
  const result = await context.graph
    .execute<{ institution: Grantee | null }>(
      INSTITUTION,
      { id: granteeInstitutionId },
      { authorization: context.authorization, meta: context.meta },
    )
    .catch(() => null);
  if (!result || result.errors.length > 0 || !result.data) return null;
  return granteeRefusal(result.data.institution, purpose);
}
