export interface GraphQLResponse<TData = Record<string, unknown>> {
  readonly status: number;
  readonly data: TData | null | undefined;
  readonly errors: readonly {
    readonly message: string;
    readonly path?: readonly (string | number)[];
    readonly extensions?: { readonly code?: string; readonly [key: string]: unknown };
  }[];
  readonly headers: Headers;
}

/** Posts one GraphQL operation over real HTTP, the way a client system would. */
export async function postGraphQL<TData = Record<string, unknown>>(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): Promise<GraphQLResponse<TData>> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  const text = await response.text();
  let body: { data?: TData | null; errors?: GraphQLResponse['errors'] } = {};
  try {
    body = JSON.parse(text) as typeof body;
  } catch {
    throw new Error(`Non-JSON response ${response.status}: ${text.slice(0, 200)}`);
  }
  return { status: response.status, data: body.data, errors: body.errors ?? [], headers: response.headers };
}

export function bearer(token: string): Record<string, string> {
  return { authorization: `Bearer ${token}` };
}

/** The first error code of a response, for assertions. */
export function errorCodes(response: GraphQLResponse<unknown>): (string | undefined)[] {
  return response.errors.map((error) => error.extensions?.code);
}

/** Builds an `_entities` request exactly as the gateway's query planner sends it. */
export function entitiesQuery(typename: string, selection: string): string {
  return `query($representations:[_Any!]!){_entities(representations:$representations){...on ${typename}{${selection}}}}`;
}
