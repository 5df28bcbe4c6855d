import { randomUUID } from 'node:crypto';
import type { SpanProcessor } from '@opentelemetry/sdk-trace-base';
import type { InstitutionKind, Scope } from '../../shared/auth/principal.js';
import { SCOPES_BY_KIND } from '../../shared/auth/principal.js';
import { loadConfig } from '../../shared/config.js';
import type { Store } from '../../shared/db/database.js';
import { STORE_NAMES, type StoreName } from '../../shared/db/migrations.js';
import { createTestDatabase } from '../../shared/testing/database.js';
import { bearer, postGraphQL, type GraphQLResponse } from '../../shared/testing/graphql-client.js';
import { registerClient, registerInstitution } from '../../gateway/clients.js';
import { institutions as directory } from '../../subgraphs/ministry/db/schema.js';
import { startEmbeddedHub } from '../../scripts/embedded-hub.js';

export interface TestClient {
  readonly institutionId: string;
  readonly clientId: string;
  readonly clientSecret: string;
  /** A fresh access token from the gateway's real token endpoint. */
  token(): Promise<string>;
  /** Runs an operation through the gateway as this client. */
  query<TData = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
  ): Promise<GraphQLResponse<TData>>;
}

export interface ClientOptions {
  readonly regionCode?: string;
  readonly scopes?: readonly Scope[];
  readonly name?: string;
  /** Reuse an institution (a second client of the same institution). */
  readonly institutionId?: string;
}

/**
 * The whole hub for a cross-service test: its own migrated database, the four subgraphs and the
 * gateway over real HTTP on free ports, SQL statement counts per service, and clients with real
 * credentials registered the way an operator registers them.
 */
export async function startTestHub(
  options: {
    readonly env?: Readonly<Record<string, string>>;
    /** Where every service's spans go (an in-memory exporter's processor). */
    readonly spanProcessor?: SpanProcessor;
  } = {},
) {
  const database = await createTestDatabase();
  const statements = Object.fromEntries(STORE_NAMES.map((name) => [name, 0])) as Record<StoreName, number>;
  const stores = Object.fromEntries(
    STORE_NAMES.map((name) => [name, database.store(() => (statements[name] += 1))]),
  ) as Record<StoreName, Store>;
  // Suspensions bind on the very next request in tests (the default lets a list be a second old),
  // and rate limits are out of the way unless a test sets them.
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    REVOCATION_MAX_AGE_MS: '0',
    RATE_LIMIT_LABOUR_OFFICE: '1000000',
    RATE_LIMIT_MINISTRY: '1000000',
    RATE_LIMIT_TRAINING_PROVIDER: '1000000',
    RATE_LIMIT_UNIVERSITY: '1000000',
    RATE_LIMIT_TOKEN_REQUESTS: '100000',
    // No chain heads in the background of a test: a test of the witnesses decides which heads the
    // witnesses hold, publishing them itself (`subgraphs.<name>.chainHeads.publish()`).
    AUDIT_HEAD_CHECK_SECONDS: '86400',
    ...options.env,
  });
  const hub = await startEmbeddedHub({
    config,
    storeFor: (name) => stores[name],
    ports: 'ephemeral',
    ...(options.spanProcessor ? { spanProcessor: options.spanProcessor } : {}),
  });
  const url = `${hub.gatewayUrl}/graphql`;

  async function client(kind: InstitutionKind, options: ClientOptions = {}): Promise<TestClient> {
    const regionCode = kind === 'LABOUR_OFFICE' ? (options.regionCode ?? '35.07') : null;
    let institutionId = options.institutionId;
    if (!institutionId) {
      const name = options.name ?? `Test ${kind.toLowerCase()} ${randomUUID().slice(0, 8)}`;
      const row = await registerInstitution(stores.gateway.db, { name, kind, regionCode });
      institutionId = row.id;
      // The ministry's public directory lists every member institution too.
      await stores.ministry.db.insert(directory).values({ id: row.id, name, kind, regionCode });
    }
    const credentials = await registerClient(stores.gateway.db, {
      institutionId,
      label: 'test client',
      scopes: options.scopes ?? SCOPES_BY_KIND[kind],
    });
    let cached: string | undefined;
    const token = async () => {
      const response = await fetch(`${hub.gatewayUrl}/oauth/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({
          grant_type: 'client_credentials',
          ...{ client_id: credentials.clientId, client_secret: credentials.clientSecret },
        }),
      });
      const body = (await response.json()) as { access_token?: string; error?: string };
      if (!body.access_token) throw new Error(`token request failed: ${body.error ?? response.status}`);
      return body.access_token;
    };
    return {
      institutionId,
      ...credentials,
      token,
      query: async (query, variables = {}) => {
        cached ??= await token();
        return postGraphQL(url, query, variables, bearer(cached));
      },
    };
  }

  return {
    url,
    gatewayUrl: hub.gatewayUrl,
    subgraphUrls: hub.subgraphUrls,
    gateway: hub.gateway,
    subgraphs: hub.subgraphs,
    /** A subgraph crashes (closes) and comes back on its store at the same address. */
    stopSubgraph: hub.stopSubgraph,
    startSubgraph: hub.startSubgraph,
    config,
    /** The test database itself: another store over it is another replica's (test/scale-out). */
    database,
    stores,
    statements,
    client,
    async close() {
      await hub.close();
      await database.close();
    },
  };
}

export type TestHub = Awaited<ReturnType<typeof startTestHub>>;

/** Fails the test with the GraphQL errors when there are any, and returns the data. */
export function dataOf<TData>(response: GraphQLResponse<TData>): TData {
  if (response.errors.length > 0 || !response.data) {
    throw new Error(`GraphQL errors: ${JSON.stringify(response.errors, null, 2)}`);
  }
  return response.data;
}
