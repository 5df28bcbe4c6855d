import { Kind, parse, type ConstDirectiveNode } from 'graphql';
import type { Principal } from '../shared/auth/principal.js';
import { entityKey, REPLAY_CHECK_QUERY, REPLAY_EXTENSION } from '../shared/http/replay-check.js';
import type { GatewayContext, ServedByService } from './context.js';
import type { SubgraphDataSource } from './data-source.js';
import type { Disclosure } from './db/schema.js';

/**
 * What to do with a retry of an idempotent mutation: send the first answer again, run the request
 * afresh (the caller may no longer see all the first answer held, so it gets what a new request
 * would get), or say "try again" (a service that must be asked is unreachable).
 */
export type ReplayVerdict = 'replay' | 'fresh' | 'unavailable';

/** The caller as the first answer saw it: field rules depend on the institution and scopes alone. */
export function disclosedTo(principal: Principal): Disclosure['principal'] {
  return {
    institutionId: principal.institutionId,
    institutionKind: principal.institutionKind,
    regionCode: principal.regionCode,
    scopes: [...principal.scopes].sort(),
  };
}

/** Whether the caller now may read every field it was shown then (same institution, no scope lost). */
function sameOrWiderRights(then: Disclosure['principal'], now: Principal): boolean {
  return (
    then.institutionId === now.institutionId &&
    then.institutionKind === now.institutionKind &&
    then.regionCode === now.regionCode &&
    then.scopes.every((scope) => (now.scopes as ReadonlySet<string>).has(scope))
  );
}

function stringArgument(directive: ConstDirectiveNode, name: string): string | undefined {
  const argument = directive.arguments?.find((each) => each.name.value === name);
  return argument?.value.kind === Kind.STRING ? argument.value.value : undefined;
}

/** Per service name, the entity types it resolves by `id` (from the supergraph's join directives). */
export function resolvableEntityTypes(supergraphSdl: string): Map<string, Set<string>> {
  const document = parse(supergraphSdl);
  const graphNames = new Map<string, string>();
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.ENUM_TYPE_DEFINITION || definition.name.value !== 'join__Graph') continue;
    for (const value of definition.values ?? []) {
      const directive = value.directives?.find((each) => each.name.value === 'join__graph');
      const name = directive && stringArgument(directive, 'name');
      if (name) graphNames.set(value.name.value, name);
    }
  }
  const byService = new Map<string, Set<string>>();
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.OBJECT_TYPE_DEFINITION) continue;
    for (const directive of definition.directives ?? []) {
      if (directive.name.value !== 'join__type' || stringArgument(directive, 'key') !== 'id') continue;
      const resolvable = directive.arguments?.find((each) => each.name.value === 'resolvable');
      if (resolvable?.value.kind === Kind.BOOLEAN && !resolvable.value.value) continue;
      const graph = directive.arguments?.find((each) => each.name.value === 'graph');
      const service = graph?.value.kind === Kind.ENUM ? graphNames.get(graph.value.value) : undefined;
      if (!service) continue;
      const types = byService.get(service) ?? new Set<string>();
      types.add(definition.name.value);
      byService.set(service, types);
    }
  }
  return byService;
}

/**
 * Checks, before a first answer is sent again, that the caller may still see all of it: its rights
 * are what they were (or wider), and every service that served an entity in it still resolves
 * that entity for the caller under its row rules. Each service records the retry as a REPLAY
 * access event for every entity it still shows, so a replay is as visible in a worker's access
 * log as the first answer was.
 */
export class ReplayChecker {
  constructor(
    private readonly sources: ReadonlyMap<string, SubgraphDataSource>,
    private readonly resolvable: ReadonlyMap<string, ReadonlySet<string>>,
  ) {}

  async check(disclosure: Disclosure | null, context: GatewayContext): Promise<ReplayVerdict> {
    // Answers stored before disclosures were kept say nothing of what they held.
    if (!disclosure || !sameOrWiderRights(disclosure.principal, context.principal)) return 'fresh';
    const verdicts = await Promise.all(
      disclosure.served
        .filter((served) => served.entities.length > 0)
        .map((served) => this.checkService(served, disclosure.requestId, context)),
    );
    if (verdicts.includes('unavailable')) return 'unavailable';
    return verdicts.includes('fresh') ? 'fresh' : 'replay';
  }

  private async checkService(
    served: ServedByService,
    requestId: string,
    context: GatewayContext,
  ): Promise<ReplayVerdict> {
    const source = this.sources.get(served.service);
    const types = this.resolvable.get(served.service);
    // What cannot be asked about cannot be vouched for.
    if (!source || !types || served.entities.some((entity) => !types.has(entity.entityType))) return 'fresh';
    const fields = Object.fromEntries(
      served.entities.map((entity) => [entityKey(entity.entityType, entity.entityId), entity.fields]),
    );
    let response;
    try {
      response = await source.send(
        {
          query: REPLAY_CHECK_QUERY,
          variables: {
            representations: served.entities.map((entity) => ({
              __typename: entity.entityType,
              id: entity.entityId,
            })),
          },
          extensions: { [REPLAY_EXTENSION]: { of: requestId, fields } },
        },
        context,
      );
    } catch {
      return 'unavailable';
    }
    const codes = (response.errors ?? []).map((error) => error.extensions?.['code']);
    if (codes.some((code) => code === 'SERVICE_UNAVAILABLE' || code === 'INTERNAL_SERVER_ERROR'))
      return 'unavailable';
    const found = (response.data as { _entities?: unknown[] } | null | undefined)?._entities;
    const allVisible =
      codes.length === 0 &&
      Array.isArray(found) &&
      found.length === served.entities.length &&
      found.every((entity) => entity !== null);
    return allVisible ? 'replay' : 'fresh';
  }
}
