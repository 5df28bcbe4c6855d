import type { AccessLogStatusCache } from '../../shared/audit/audit-log.js';
import { AccessRecorder } from '../../shared/audit/recorder.js';
import type { Database } from '../../shared/db/database.js';
import type { GraphClient } from '../../shared/http/graph-client.js';
import type { RequestContext } from '../../shared/http/subgraph.js';
import { certificationScopeOf, enrollmentScopeOf } from './access.js';
import { accessEvents } from './db/schema.js';
import { createLoaders, type LoaderScopes, type Loaders } from './loaders.js';

/** Per-request context of the training subgraph. */
export interface Context extends RequestContext {
  readonly db: Database;
  /** Which enrolments and certifications this request may see; every query of them filters by it. */
  readonly scopes: LoaderScopes;
  readonly loaders: Loaders;
  /** Narrow calls through the gateway with the caller's identity (none needed today; kept for parity). */
  readonly graph: GraphClient;
  /** This request's entries in the access log. */
  readonly audit: AccessRecorder;
  /** Whether this service's access log holds (recomputed at most once a minute, per process). */
  readonly accessLogStatus: AccessLogStatusCache;
}

export interface TrainingDependencies {
  readonly db: Database;
  readonly accessLogStatus: AccessLogStatusCache;
  readonly graph: GraphClient;
}

export function createContext(deps: TrainingDependencies, request: RequestContext): Context {
  const scopes: LoaderScopes = {
    enrollments: enrollmentScopeOf(request.principal),
    certifications: certificationScopeOf(request.principal),
  };
  return {
    ...request,
    db: deps.db,
    accessLogStatus: deps.accessLogStatus,
    graph: deps.graph,
    scopes,
    loaders: createLoaders(deps.db, scopes),
    audit: new AccessRecorder('training', accessEvents, request.principal, request.meta, request.metrics),
  };
}
