import { rule, type IRule } from 'graphql-shield';
import type { Principal } from './auth/principal.js';
import { ForbiddenError } from './errors.js';
import { valuePolicy, type FieldRules } from './rules.js';

// A search, a filter, a sort order or a cursor answers for the values it matches on: asking for
// "workers with a placement to MY" tells a caller which workers went to Malaysia even when it
// may not read placements, and asking for one NIK after another recovers a masked NIK. So every
// argument of every field that selects or orders rows names the fields (`Type.field`, along the
// path from the row to the value) whose values it reveals, and a caller that may not learn each
// of them is refused with FORBIDDEN before anything is looked up. A miss is an answer too.

/** Per argument path (`nik`, `filter.destinationCountry`): the fields whose values it reveals. */
export type SearchArguments = Readonly<Record<string, readonly string[]>>;

/** Per field that takes arguments (`Query.workers`): what each of its arguments reveals. */
export type Searches = Readonly<Record<string, SearchArguments>>;

/** The value at a dotted argument path, or undefined when the caller did not give it. */
export function argumentAt(args: Readonly<Record<string, unknown>>, path: string): unknown {
  let value: unknown = args;
  for (const part of path.split('.')) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<string, unknown>)[part];
  }
  return value;
}

/** The first argument the caller used that would reveal a value it may not learn, and why. */
export function refusedSearch(
  fields: FieldRules,
  search: SearchArguments,
  args: Readonly<Record<string, unknown>>,
  principal: Principal,
): { readonly argument: string; readonly field: string } | null {
  for (const [argument, revealed] of Object.entries(search)) {
    const given = argumentAt(args, argument);
    if (given === undefined || given === null) continue;
    for (const reference of revealed) {
      const decision = valuePolicy(fields, reference);
      // An undeclared field is nobody's to search by: deny by default, as for reading it.
      if (!decision || decision.refusal(principal) !== null) return { argument, field: reference };
    }
  }
  return null;
}

interface WithPrincipal {
  readonly principal: Principal;
}

/** The graphql-shield rule that checks a field's search arguments (it looks at arguments, so no caching). */
export function searchRule(reference: string, search: SearchArguments, fields: FieldRules): IRule {
  return rule(`search:${reference}`, { cache: 'no_cache' })(
    (_parent, args: Record<string, unknown>, context: WithPrincipal) => {
      const refused = refusedSearch(fields, search, args, context.principal);
      if (!refused) return true;
      return new ForbiddenError(
        `Your institution may not search or filter by \`${refused.argument}\`: it would reveal ${refused.field}, which it may not read.`,
        { argument: refused.argument, field: refused.field },
      );
    },
  );
}
