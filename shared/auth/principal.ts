/** What kind of institution a client acts for; decides which rows and fields it may ever see. */
export const INSTITUTION_KINDS = ['LABOUR_OFFICE', 'MINISTRY', 'TRAINING_PROVIDER', 'UNIVERSITY'] as const;
export type InstitutionKind = (typeof INSTITUTION_KINDS)[number];

export const SCOPES = [
  'workers:read',
  'workers:write',
  'pii:read',
  'cases:read',
  'cases:write',
  'agencies:write',
  'training:write',
  'mentoring:write',
  'stats:read',
  'audit:read',
] as const;
export type Scope = (typeof SCOPES)[number];

/** The most a client of each kind of institution may ever be granted (DESIGN section 4). */
export const SCOPES_BY_KIND: Readonly<Record<InstitutionKind, readonly Scope[]>> = {
  LABOUR_OFFICE: [
    'workers:read',
    'workers:write',
    'pii:read',
    'cases:read',
    'cases:write',
    'stats:read',
    'audit:read',
  ],
  MINISTRY: [
    'workers:read',
    'pii:read',
    'cases:read',
    'cases:write',
    'agencies:write',
    'stats:read',
    'audit:read',
  ],
  TRAINING_PROVIDER: ['workers:read', 'training:write', 'stats:read'],
  UNIVERSITY: ['workers:read', 'mentoring:write', 'stats:read'],
};

/** A person signed in to the console: their account is the token's subject. */
export interface Person {
  readonly accountId: string;
  readonly role: string;
  /** The console session (the OAuth grant); ending it ends every token of it at once. */
  readonly sessionId: string;
}

/** Who a request acts for: one client of one institution, established from a verified token. */
export interface Principal {
  readonly clientId: string;
  readonly institutionId: string;
  readonly institutionKind: InstitutionKind;
  /** Region a labour office serves (Kemendagri code); null for other kinds. */
  readonly regionCode: string | null;
  readonly scopes: ReadonlySet<Scope>;
  /** The person acting, for a console token; null for a machine client (which may name one in `X-Acting-Subject`). */
  readonly person: Person | null;
}

/**
 * Whose budget and keys a request uses (rate limits, idempotency keys): a machine client's own,
 * or, through the console, each person's, so that one busy officer cannot slow another down.
 */
export function callerKey(principal: Principal): string {
  return principal.person ? `${principal.clientId}#${principal.person.accountId}` : principal.clientId;
}

/** Facts about one request that travel with it for the access log (X-Road's UserId and Issue). */
export interface RequestMeta {
  /** The hub's own id for the request: made by the gateway (or by a subgraph called directly), never by the client. */
  readonly requestId: string;
  /** The id the client gave its request (`X-Request-Id`), kept beside the hub's for the client's own correlation. */
  readonly clientRequestId: string | null;
  /** The person acting: signed in to the console (their account id), or as a machine client reports them. */
  readonly actingSubject: string | null;
  readonly purpose: string | null;
  readonly caseReference: string | null;
}

export function hasScope(principal: Principal, scope: Scope): boolean {
  return principal.scopes.has(scope);
}

/** Request headers the hub reads and forwards; lower case as Node delivers them. */
export const HEADERS = {
  authorization: 'authorization',
  requestId: 'x-request-id',
  /** The client's own request id, as the gateway forwards it to subgraphs. */
  clientRequestId: 'x-client-request-id',
  /** The gateway asks a subgraph which entities it served (for an idempotent mutation's retries). */
  reportServed: 'x-hub-report-served',
  actingSubject: 'x-acting-subject',
  purpose: 'x-purpose',
  caseReference: 'x-case-reference',
} as const;
