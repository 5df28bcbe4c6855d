import type { GraphQLSchema } from 'graphql';
import { applyMiddleware } from 'graphql-middleware';
import { allow, and, deny, or, rule, shield, type IRule, type IRules } from 'graphql-shield';
import type { InstitutionKind, Principal, Scope } from './auth/principal.js';
import { ForbiddenError } from './errors.js';

// graphql-shield rules shared by the four subgraphs. They depend on the caller only (never on a
// parent or argument), so caching them per request ('contextual') is safe; anything that depends
// on the row lives in the data path instead (graphql-shield issue #349).

interface WithPrincipal {
  readonly principal: Principal;
}

const SCOPE_RULES = new Map<Scope, IRule>();
const KIND_RULES = new Map<string, IRule>();

/** The caller's client holds this scope. */
export function hasScope(scope: Scope): IRule {
  let existing = SCOPE_RULES.get(scope);
  if (!existing) {
    existing = rule(`hasScope:${scope}`, { cache: 'contextual' })((_parent, _args, context: WithPrincipal) =>
      context.principal.scopes.has(scope) ? true : new ForbiddenError(`This needs the ${scope} scope.`),
    );
    SCOPE_RULES.set(scope, existing);
  }
  return existing;
}

/** The caller acts for an institution of one of these kinds. */
export function isKind(...kinds: InstitutionKind[]): IRule {
  const name = `isKind:${kinds.join(',')}`;
  let existing = KIND_RULES.get(name);
  if (!existing) {
    existing = rule(name, { cache: 'contextual' })((_parent, _args, context: WithPrincipal) =>
      kinds.includes(context.principal.institutionKind)
        ? true
        : new ForbiddenError('Your institution is not allowed to see this.'),
    );
    KIND_RULES.set(name, existing);
  }
  return existing;
}

/** Statutory access (UU 18/2017): the labour offices and the ministry, which need no consent. */
export const isStatutory = isKind('LABOUR_OFFICE', 'MINISTRY');

/**
 * Personal data (NIK in full, birth date, phone, address, passport numbers): a statutory
 * institution whose client holds `pii:read`. The labour office's own region is already the row
 * rule, so a labour office only ever reaches its own region's workers here.
 */
export const readsPersonalData = and(isStatutory, hasScope('pii:read'));

/** Whether a principal may read personal data (for masking in resolvers, where a rule cannot decide). */
export function mayReadPersonalData(principal: Principal): boolean {
  return (
    (principal.institutionKind === 'LABOUR_OFFICE' || principal.institutionKind === 'MINISTRY') &&
    principal.scopes.has('pii:read')
  );
}

/** The federation plumbing every subgraph answers the gateway with; row rules run inside `_entities`. */
export const FEDERATION_RULES = {
  Query: { _service: allow, _entities: allow },
  _Service: { sdl: allow },
} as const;

export { allow, and, deny, or };

/**
 * Applies a subgraph's rule map: deny by default, every field named explicitly, and errors raised
 * by resolvers themselves (NOT_FOUND, BAD_USER_INPUT) passed through untouched.
 */
export function protect(schema: GraphQLSchema, rules: IRules): GraphQLSchema {
  return applyMiddleware(
    schema,
    shield(rules, {
      fallbackRule: deny,
      fallbackError: () => new ForbiddenError(),
      allowExternalErrors: true,
      debug: false,
    }),
  );
}

/** A rule or a combination of rules (graphql-shield does not export the name). */
export type ShieldRule = Parameters<typeof and>[number];

/** One rule for several fields of a type: `{ ...sameRule(hasScope('x'), 'a', 'b') }`. */
export function sameRule(rule: ShieldRule, ...fields: string[]): Record<string, ShieldRule> {
  return Object.fromEntries(fields.map((field) => [field, rule]));
}
