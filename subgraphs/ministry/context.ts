import type { AccessLogStatusCache } from '../../shared/audit/audit-log.js';
import { AccessRecorder } from '../../shared/audit/recorder.js';
import type { Database } from '../../shared/db/database.js';
import type { GraphClient } from '../../shared/http/graph-client.js';
import type { RequestContext } from '../../shared/http/subgraph.js';
import { caseScopeOf, type CaseScope } from './access.js';
import { accessEvents } from './db/schema.js';
import { createLoaders, type Loaders } from './loaders.js';

/** Per-request context of the ministry subgraph. */
export interface Context extends RequestContext {
  readonly db: Database;
  /** Which complaint cases this request may see; every case query filters by it. */
  readonly caseScope: CaseScope;
  readonly loaders: Loaders;
  /** Narrow calls through the gateway with the caller's identity (the worker's district for a new case). */
  readonly graph: GraphClient;
  /** This request's entries in the access log. */
  readonly audit: AccessRecorder;
  /** Whether this service's access log holds (recomputed at most once a minute, per process). */
  readonly accessLogStatus: AccessLogStatusCache;
}

export interface MinistryDependencies {
  readonly db: Database;
  readonly accessLogStatus: AccessLogStatusCache;
  readonly graph: GraphClient;
}

export function createContext(deps: MinistryDependencies, request: RequestContext): Context {
  const caseScope = caseScopeOf(request.principal);
  return {
    ...request,
    db: deps.db,
    accessLogStatus: deps.accessLogStatus,
    graph: deps.graph,
    caseScope,
    loaders: createLoaders(deps.db, caseScope),
    audit: new AccessRecorder('ministry', accessEvents, request.principal, request.meta, request.metrics),
  };
}
