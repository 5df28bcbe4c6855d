import type { AccessLogStatusCache } from '../../shared/audit/audit-log.js';
import { AccessRecorder } from '../../shared/audit/recorder.js';
import type { Database } from '../../shared/db/database.js';
import type { RequestContext } from '../../shared/http/subgraph.js';
import { sessionScopeOf, type SessionScope } from './access.js';
import { accessEvents } from './db/schema.js';
import { createLoaders, type Loaders } from './loaders.js';

/** Per-request context of the university subgraph. */
export interface Context extends RequestContext {
  readonly db: Database;
  /** Which mentoring sessions this request may see; every session query filters by it. */
  readonly scope: SessionScope;
  readonly loaders: Loaders;
  /** This request's entries in the access log. */
  readonly audit: AccessRecorder;
  /** Whether this service's access log holds (recomputed at most once a minute, per process). */
  readonly accessLogStatus: AccessLogStatusCache;
}

export interface UniversityDependencies {
  readonly db: Database;
  readonly accessLogStatus: AccessLogStatusCache;
}

export function createContext(deps: UniversityDependencies, request: RequestContext): Context {
  const scope = sessionScopeOf(request.principal);
  return {
    ...request,
    db: deps.db,
    accessLogStatus: deps.accessLogStatus,
    scope,
    loaders: createLoaders(deps.db, scope),
    audit: new AccessRecorder('university', accessEvents, request.principal, request.meta, request.metrics),
  };
}
