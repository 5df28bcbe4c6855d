import {
  GraphQLError,
  getNamedType,
  getNullableType,
  isCompositeType,
  isListType,
  type DocumentNode,
  type GraphQLSchema,
} from 'graphql';
import { getComplexity, type ComplexityEstimator } from 'graphql-query-complexity';
import { MAX_PAGE_SIZE } from '../pagination.js';

/** How many items a list without a `first` argument is assumed to hold. */
export const ASSUMED_LIST_SIZE = 5;
/** What one scalar or enum value weighs against an object (a row fetched, an entity resolved). */
export const SCALAR_COST = 0.1;

export interface CostInput {
  readonly schema: GraphQLSchema;
  readonly document: DocumentNode;
  /** The operation to estimate, as Apollo resolved it; undefined for a document of one anonymous operation. */
  readonly operationName: string | undefined;
  readonly variables: Readonly<Record<string, unknown>> | undefined;
}

export type CostEstimate =
  | { readonly kind: 'estimated'; readonly cost: number; readonly fields: number }
  | { readonly kind: 'too many fields' }
  /** The variables do not fit the operation: execution refuses them with BAD_USER_INPUT. */
  | { readonly kind: 'not estimated' };

class TooManyFields extends Error {}

/**
 * How many items a field returns: `first` for a page (a literal, a variable or the schema default
 * alike, and never more than a page may hold: a larger `first` is refused as BAD_USER_INPUT), the
 * number of representations for `_entities`, one for a connection's `edges` (its field's `first`
 * has counted them), and an assumed size for any other list.
 */
function itemsOf({ type, field, args }: Parameters<ComplexityEstimator>[0]): number {
  const first: unknown = args['first'];
  if (typeof first === 'number') return Math.min(Math.max(first, 0), MAX_PAGE_SIZE);
  const representations: unknown = args['representations'];
  if (field.name === '_entities' && Array.isArray(representations)) return representations.length;
  if (!isListType(getNullableType(field.type))) return 1;
  if (field.name === 'edges' && type.name.endsWith('Connection')) return 1;
  return ASSUMED_LIST_SIZE;
}

/**
 * The estimated cost of one operation with its variables: about one per object it could return.
 * A field that returns objects costs 1 plus its selection, for each item it returns (a page of
 * `first` multiplies its selection); a scalar or enum value costs a tenth. Fragments, abstract
 * types and `@skip`/`@include` are graphql-query-complexity's. Counting stops at `maxFields`
 * fields (each fragment counted wherever it is spread), which also bounds the work of estimating
 * a document built to expand.
 */
export function estimateCost(input: CostInput, maxFields: number): CostEstimate {
  let fields = 0;
  const estimator: ComplexityEstimator = (options) => {
    fields += 1;
    if (fields > maxFields) throw new TooManyFields();
    const own = isCompositeType(getNamedType(options.field.type)) ? 1 : SCALAR_COST;
    const items = itemsOf(options);
    // A list holds `items` objects; a connection is one object holding a page of `items`.
    if (isListType(getNullableType(options.field.type))) return items * (own + options.childComplexity);
    return own + items * options.childComplexity;
  };
  try {
    const cost = getComplexity({
      schema: input.schema,
      query: input.document,
      ...(input.operationName === undefined ? {} : { operationName: input.operationName }),
      variables: { ...input.variables },
      estimators: [estimator],
      // The field count above bounds the walk; the library's own node count would be a second, looser one.
      maxQueryNodes: Number.POSITIVE_INFINITY,
    });
    return { kind: 'estimated', cost: Math.ceil(cost), fields };
  } catch (error) {
    if (error instanceof TooManyFields) return { kind: 'too many fields' };
    // Variables that do not coerce (or a null where none may be): execution reports them.
    if (error instanceof GraphQLError) return { kind: 'not estimated' };
    throw error;
  }
}
