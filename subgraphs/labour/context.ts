import type { AccessLogStatusCache } from '../../shared/audit/audit-log.js';
import type { KeyedPseudonyms } from '../../shared/audit/pseudonym.js';
import { AccessRecorder } from '../../shared/audit/recorder.js';
import type { Database } from '../../shared/db/database.js';
import type { GraphClient } from '../../shared/http/graph-client.js';
import type { RequestContext } from '../../shared/http/subgraph.js';
import type { ConsentDelivery } from './consent-delivery.js';
import { workerScopeOf, type WorkerScope } from './access.js';
import { accessEvents } from './db/schema.js';
import { createLoaders, type Loaders } from './loaders.js';

/** Per-request context of the labour subgraph. */
export interface Context extends RequestContext {
  readonly db: Database;
  /** Which workers this request may see; every worker query filters by it. */
  readonly scope: WorkerScope;
  readonly loaders: Loaders;
  /** Narrow calls through the gateway with the caller's identity (the directory, for consent grantees). */
  readonly graph: GraphClient;
  /** This request's entries in the access log. */
  readonly audit: AccessRecorder;
  /** Whether this service's access log holds (recomputed at most once a minute, per process). */
  readonly accessLogStatus: AccessLogStatusCache;
  /** How the access log names a NIK someone looked up, without holding it. */
  readonly pseudonyms: KeyedPseudonyms;
  /** Sends the consent outbox to the grantees (after a grant or revocation commits). */
  readonly consentDelivery: ConsentDelivery;
}

export interface LabourDependencies {
  readonly db: Database;
  readonly accessLogStatus: AccessLogStatusCache;
  readonly graph: GraphClient;
  readonly pseudonyms: KeyedPseudonyms;
  readonly consentDelivery: ConsentDelivery;
}

export function createContext(deps: LabourDependencies, request: RequestContext): Context {
  const scope = workerScopeOf(request.principal);
  return {
    ...request,
    db: deps.db,
    accessLogStatus: deps.accessLogStatus,
    graph: deps.graph,
    pseudonyms: deps.pseudonyms,
    consentDelivery: deps.consentDelivery,
    scope,
    loaders: createLoaders(deps.db, scope),
    audit: new AccessRecorder('labour', accessEvents, request.principal, request.meta, request.metrics),
  };
}
