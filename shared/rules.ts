import type { InstitutionKind, Principal, Scope } from './auth/principal.js';
import type { Searches } from './searches.js';

// Who may read or do what, declared once per subgraph (its permissions.ts) as policies: decisions
// about the caller alone, never about a row (a row's visibility lives in the data path, because
// `_entities` can ask for any key). The same declaration drives the graphql-shield map, the
// masking of values such as the NIK, and which searches and filters a caller may use
// (searches.ts), so the three cannot drift apart. protect.ts turns a declaration into the shield.

/** A decision about the caller: null when it may, otherwise why not, written for people. */
export interface Policy {
  readonly name: string;
  refusal(principal: Principal): string | null;
}

function policy(name: string, refusal: (principal: Principal) => string | null): Policy {
  return { name, refusal };
}

export const allow: Policy = policy('allow', () => null);
export const deny: Policy = policy('deny', () => 'Your institution is not allowed to do this.');

/** The caller's client holds this scope. */
export function hasScope(scope: Scope): Policy {
  return policy(`hasScope:${scope}`, (principal) =>
    principal.scopes.has(scope) ? null : `This needs the ${scope} scope.`,
  );
}

/** The caller acts for an institution of one of these kinds. */
export function isKind(...kinds: InstitutionKind[]): Policy {
  return policy(`isKind:${kinds.join(',')}`, (principal) =>
    kinds.includes(principal.institutionKind) ? null : 'Your institution is not allowed to see this.',
  );
}

/** Every one of the policies holds; the first refusal is the answer. */
export function and(...policies: Policy[]): Policy {
  return policy(`and(${policies.map((each) => each.name).join(',')})`, (principal) => {
    for (const each of policies) {
      const refusal = each.refusal(principal);
      if (refusal !== null) return refusal;
    }
    return null;
  });
}

/** At least one of the policies holds; otherwise the first refusal is the answer. */
export function or(...policies: Policy[]): Policy {
  return policy(`or(${policies.map((each) => each.name).join(',')})`, (principal) => {
    const refusals = policies.map((each) => each.refusal(principal));
    return refusals.includes(null) ? null : (refusals[0] ?? null);
  });
}

/** Statutory access (UU 18/2017): the labour offices and the ministry, which need no consent. */
export const isStatutory = isKind('LABOUR_OFFICE', 'MINISTRY');

/**
 * Personal data (NIK in full, birth date, phone, address, passport numbers): a statutory
 * institution whose client holds `pii:read`. The labour office's own region is already the row
 * rule, so a labour office only ever reaches its own region's workers here.
 */
export const readsPersonalData = and(isStatutory, hasScope('pii:read'));

/**
 * A field served to more callers than may learn its stored value: the NIK is served masked
 * (`3507********0042`) under `field`, and only `value` may see it whole, search by it or filter
 * on it.
 */
export interface MaskedField {
  readonly field: Policy;
  readonly value: Policy;
}

export function masked(field: Policy, options: { readonly unmaskedFor: Policy }): MaskedField {
  return { field, value: options.unmaskedFor };
}

export type FieldAccess = Policy | MaskedField;

/** Per GraphQL type, per field: who may read it. Every field of the subgraph is named. */
export type FieldRules = Readonly<Record<string, Readonly<Record<string, FieldAccess>>>>;

/** A subgraph's whole access declaration: field rules and what each search argument reveals. */
export interface AccessDeclaration {
  readonly fields: FieldRules;
  readonly searches: Searches;
}

export function isMasked(access: FieldAccess): access is MaskedField {
  return 'value' in access;
}

/** Who may learn a field's stored value: by reading it, or by searching and filtering on it. */
export function valuePolicy(fields: FieldRules, reference: string): Policy | undefined {
  const [type = '', field = ''] = reference.split('.');
  const access = fields[type]?.[field];
  if (!access) return undefined;
  return isMasked(access) ? access.value : access;
}

/** Whether a principal may learn a field's value in full (for masking in resolvers). */
export function mayReadValue(fields: FieldRules, reference: string, principal: Principal): boolean {
  const decision = valuePolicy(fields, reference);
  if (!decision) throw new Error(`${reference} has no access rule`);
  return decision.refusal(principal) === null;
}

/** Whether a principal may read personal data (for masking in resolvers, where a rule cannot decide). */
export function mayReadPersonalData(principal: Principal): boolean {
  return readsPersonalData.refusal(principal) === null;
}

/** The federation plumbing every subgraph answers the gateway with; row rules run inside `_entities`. */
export const FEDERATION_RULES = {
  Query: { _service: allow, _entities: allow },
  _Service: { sdl: allow },
} as const;

/** One rule for several fields of a type: `{ ...sameRule(hasScope('x'), 'a', 'b') }`. */
export function sameRule(access: FieldAccess, ...fields: string[]): Record<string, FieldAccess> {
  return Object.fromEntries(fields.map((field) => [field, access]));
}
