import { auth, federationInternals } from './corpus/auth-federation.js';
import { domainInput } from './corpus/domain.js';
import type { HostileEntry } from './corpus/entry.js';
import { graphqlLimits } from './corpus/graphql-limits.js';
import { graphqlShape } from './corpus/graphql-shape.js';
import { injection } from './corpus/injection.js';
import { httpMethods } from './corpus/methods.js';
import { ids, pagination } from './corpus/pagination-ids.js';
import { transport } from './corpus/transport.js';
import { unicode } from './corpus/unicode.js';

export type { Actor, Category, Expectation, HostileEntry, HostileRequest, Json } from './corpus/entry.js';
export { PLACEHOLDER } from './corpus/entry.js';

/**
 * Hostile and malformed requests to the gateway, as data (issue "Hardened for the open network",
 * item 5). None of them is a valid write: each either is refused (a 4xx, or GraphQL errors with
 * stable codes) or is a read whose safe answer is an ordinary one (`expect.answer`). Every one
 * that names a real record could change it if a check were missing, and the test proves the
 * database unchanged afterwards.
 */
export const CORPUS: readonly HostileEntry[] = [
  ...transport,
  ...httpMethods,
  ...graphqlShape,
  ...graphqlLimits,
  ...domainInput,
  ...injection,
  ...unicode,
  ...pagination,
  ...ids,
  ...auth,
  ...federationInternals,
];
