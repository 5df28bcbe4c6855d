/** A JSON value as a client would send it. */
export type Json = null | boolean | number | string | readonly Json[] | { readonly [key: string]: Json };

/**
 * Who sends a request. `office` (the default) is the labour office of Kabupaten Malang (35.07);
 * `otherOffice` that of Kabupaten Blitar (35.05); `ministry` a KP2MI case officer; `trainer` and
 * `campus` a training provider and a university with a consenting worker; `anonymous` sends no
 * token (an entry may also bring its own `authorization` header).
 */
export type Actor = 'office' | 'otherOffice' | 'ministry' | 'trainer' | 'campus' | 'anonymous';

export type Category =
  | 'transport'
  | 'http methods'
  | 'graphql shape'
  | 'graphql limits'
  | 'domain input'
  | 'injection'
  | 'unicode'
  | 'pagination'
  | 'ids'
  | 'auth'
  | 'federation internals';

export interface HostileRequest {
  readonly method: string;
  /** Path and query string, e.g. `/graphql?query=...`. */
  readonly path: string;
  readonly headers: Readonly<Record<string, string>>;
  /** A string is sent as it is, bytes as they are (fetch then sends no content type), JSON encoded. */
  readonly body?: string | Uint8Array | Json;
}

/** What an entry must get, beyond the rules every entry obeys (see corpus.test.ts). */
export interface Expectation {
  /** Exactly this HTTP status. */
  readonly status?: number;
  /** At least one error, and every error's `extensions.code` is one of these. */
  readonly codes?: readonly string[];
  /** A BAD_USER_INPUT error names this argument in `extensions.field` (or one of its `issues`). */
  readonly field?: string;
  /**
   * The safe answer to this request is an ordinary one: 200, no errors, and data equal to this
   * (`true`: any data). For lookups of unknown or hidden records (null by contract), searches for
   * hostile strings (no match), and harmless documents.
   */
  readonly answer?: Json | true;
}

export interface HostileEntry {
  readonly category: Category;
  readonly title: string;
  readonly request: HostileRequest;
  readonly as?: Actor;
  readonly expect?: Expectation;
}

/**
 * Values only known once the test world exists are written as `«name»` in any string of a
 * request (path, headers, body) and filled in by the test: `«workerId»` (a Malang worker the
 * office sees; `«workerIdHex»` without its dashes), `«hiddenWorkerId»` (a Blitar worker it does not), `«placementId»`,
 * `«passportId»`, `«consentId»`, `«enrollmentId»`, `«sessionId»`, `«caseId»`, `«agencyId»`,
 * `«courseId»`, `«otherCourseId»`, `«programId»`, `«mentorId»`, `«otherProgramId»`, `«universityId»`,
 * `«trainerInstitutionId»`, `«officeToken»`, `«tamperedToken»` (the office's token with a
 * changed payload), `«noneToken»` (the same claims, unsigned with `alg: none`).
 */
export const PLACEHOLDER = /«([A-Za-z]+)»/g;

export const JSON_HEADERS = { 'content-type': 'application/json' } as const;

/** A GraphQL POST as every ordinary client sends it. */
export function graphql(
  query: string,
  variables?: { readonly [key: string]: Json },
  extra: { readonly operationName?: string; readonly headers?: Record<string, string> } = {},
): HostileRequest {
  return {
    method: 'POST',
    path: '/graphql',
    headers: { ...JSON_HEADERS, ...extra.headers },
    body: {
      query,
      ...(variables ? { variables } : {}),
      ...(extra.operationName !== undefined ? { operationName: extra.operationName } : {}),
    },
  };
}

/** A POST to /graphql with a body exactly as given. */
export function raw(body: string | Uint8Array | Json, headers: Record<string, string> = JSON_HEADERS) {
  return { method: 'POST', path: '/graphql', headers, body } satisfies HostileRequest;
}

/** A GET to /graphql with these query-string parameters. */
export function get(params: Record<string, string>, headers: Record<string, string> = {}): HostileRequest {
  return { method: 'GET', path: `/graphql?${new URLSearchParams(params).toString()}`, headers };
}

export function entries(
  category: Category,
  list: readonly Omit<HostileEntry, 'category'>[],
): readonly HostileEntry[] {
  return list.map((entry) => ({ category, ...entry }));
}

/** Refused as a GraphQL document that is not valid against the schema. */
export const INVALID = { codes: ['GRAPHQL_VALIDATION_FAILED'] } as const;
/** Refused as a document that does not parse (or is too long to parse). */
export const UNPARSABLE = { codes: ['GRAPHQL_PARSE_FAILED'] } as const;
/** Refused with BAD_USER_INPUT naming this argument. */
export const badInput = (field?: string): Expectation => ({
  codes: ['BAD_USER_INPUT'],
  ...(field ? { field } : {}),
});
