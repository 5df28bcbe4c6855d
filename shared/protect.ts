import type { GraphQLSchema } from 'graphql';
import { applyMiddleware } from 'graphql-middleware';
import { and as shieldAnd, deny, rule, shield, type IRule, type IRules } from 'graphql-shield';
import type { Principal } from './auth/principal.js';
import { ForbiddenError } from './errors.js';
import { isMasked, type AccessDeclaration, type Policy } from './rules.js';
import { searchRule } from './searches.js';

interface WithPrincipal {
  readonly principal: Principal;
}

/** A rule or a combination of rules (graphql-shield does not export the name). */
type ShieldRule = Parameters<typeof shieldAnd>[number];

const SHIELD_RULES = new Map<string, IRule>();

/**
 * What a refusal says the caller may not do, naming the field: a query asking for twenty fields
 * gets an error per refused field, and each must say which one it is.
 */
export function refusedAction(type: string, field: string): string {
  if (type === 'Mutation') return `You may not run the mutation ${field}.`;
  if (type === 'Query') return `You may not run the query ${field}.`;
  return `You may not read ${type}.${field}.`;
}

function forbidden(type: string, field: string, reason: string | null): ForbiddenError {
  const action = refusedAction(type, field);
  return new ForbiddenError(reason ? `${action} ${reason}` : action, { field: `${type}.${field}` });
}

/**
 * A policy on one field as a graphql-shield rule. Policies depend on the caller only, so caching
 * them per request ('contextual') is safe (graphql-shield issue #349 is about rules that look at a
 * row); the rule is per field because its refusal names the field.
 */
export function shieldRule(decision: Policy, type: string, field: string): IRule {
  const name = `${decision.name}@${type}.${field}`;
  let existing = SHIELD_RULES.get(name);
  if (!existing) {
    existing = rule(name, { cache: 'contextual' })((_parent, _args, context: WithPrincipal) => {
      const refusal = decision.refusal(context.principal);
      return refusal === null ? true : forbidden(type, field, refusal);
    });
    SHIELD_RULES.set(name, existing);
  }
  return existing;
}

/** The graphql-shield map a declaration stands for: field rules, with search rules on the fields that take searches. */
export function shieldMap(declaration: AccessDeclaration): IRules {
  const map: Record<string, Record<string, ShieldRule>> = {};
  for (const [type, fields] of Object.entries(declaration.fields)) {
    map[type] = {};
    for (const [field, access] of Object.entries(fields)) {
      const fieldRule = shieldRule(isMasked(access) ? access.field : access, type, field);
      const search = declaration.searches[`${type}.${field}`];
      map[type][field] = search
        ? shieldAnd(fieldRule, searchRule(`${type}.${field}`, search, declaration.fields))
        : fieldRule;
    }
  }
  for (const reference of Object.keys(declaration.searches)) {
    const [type = '', field = ''] = reference.split('.');
    if (!map[type]?.[field]) throw new Error(`search ${reference} is declared on a field without a rule`);
  }
  return map;
}

/**
 * Applies a subgraph's declaration: deny by default, every field named explicitly, searches
 * checked before their resolver runs, and errors raised by resolvers themselves (NOT_FOUND,
 * BAD_USER_INPUT) passed through untouched.
 */
export function protect(schema: GraphQLSchema, declaration: AccessDeclaration): GraphQLSchema {
  return applyMiddleware(
    schema,
    shield(shieldMap(declaration), {
      fallbackRule: deny,
      // A field no rule names (deny by default) is refused by name too.
      fallbackError: (_thrown, _parent, _args, _context, info) =>
        forbidden(info.parentType.name, info.fieldName, null),
      allowExternalErrors: true,
      debug: false,
    }),
  );
}
