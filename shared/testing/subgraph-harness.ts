import { randomUUID } from 'node:crypto';
import { CONSENT_DELIVERY_PATH, CONSENT_DELIVERY_TYP, type RecordedBy } from '../consent/delivery.js';
import { loadConfig, type SubgraphName } from '../config.js';
import type { QueryObserver } from '../db/database.js';
import type { GraphClient, GraphResult } from '../http/graph-client.js';
import type { SubgraphFactory } from '../http/subgraph.js';
import { KeyDirectory } from '../keys/directory.js';
import { keySealerFor } from '../keys/sealing.js';
import { ServiceKeyRing } from '../keys/service-keys.js';
import { createTestDatabase as createDatabase } from './database.js';
import { operationAsGateway } from './gateway-request.js';
import { bearer, postGraphQL, type GraphQLResponse } from './graphql-client.js';
import { createTestIssuer, type TestIdentity } from './tokens.js';

/** A recorded narrow call a subgraph made through the (stand-in) gateway. */
export interface GraphCall {
  readonly query: string;
  readonly variables: Record<string, unknown>;
  readonly authorization: string;
}

export interface SubgraphHarnessOptions {
  /**
   * Answers the subgraph's narrow calls through the gateway. Subgraph tests run one subgraph
   * alone; cross-service tests in `test/` exercise the real gateway.
   */
  readonly graph?: (call: GraphCall) => GraphResult<unknown> | Promise<GraphResult<unknown>>;
}

/**
 * One subgraph over real HTTP on a free port, with its own migrated database and a test issuer
 * whose real ES256 tokens the subgraph verifies.
 */
export async function startSubgraph(factory: SubgraphFactory, options: SubgraphHarnessOptions = {}) {
  const database = await createDatabase();
  let statementCount = 0;
  const onQuery: QueryObserver = () => {
    statementCount += 1;
  };
  const store = database.store(onQuery);
  const issuer = await createTestIssuer();
  const graphCalls: GraphCall[] = [];
  const graph: GraphClient = {
    async execute<TData>(
      query: string,
      variables: Record<string, unknown>,
      caller: { authorization: string },
    ) {
      const call = { query, variables, authorization: caller.authorization };
      graphCalls.push(call);
      if (!options.graph) throw new Error('This subgraph test did not expect a call through the gateway.');
      return (await options.graph(call)) as GraphResult<TData>;
    },
  };
  // Tests send many unsigned requests as one client: rate limits are out of their way (the
  // limits themselves are tested across services, test/limits.test.ts).
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    RATE_LIMIT_LABOUR_OFFICE: '1000000',
    RATE_LIMIT_MINISTRY: '1000000',
    RATE_LIMIT_TRAINING_PROVIDER: '1000000',
    RATE_LIMIT_UNIVERSITY: '1000000',
    // A grantee's consent copies count for a day after the harness's heartbeat (below).
    CONSENT_COPY_MAX_AGE_SECONDS: '86400',
  });
  // The peers whose signatures a subgraph checks, as real key rings in the test database: tests sign
  // as the gateway or as labour with them, and the subgraph knows their public keys as pinned ones.
  const peerKeys = {
    gateway: await ServiceKeyRing.open(store.db, 'gateway', keySealerFor(config, 'gateway')),
    labour: await ServiceKeyRing.open(store.db, 'labour', keySealerFor(config, 'labour')),
  };
  const keys = new KeyDirectory(
    { gateway: peerKeys.gateway.publicJwks(), labour: peerKeys.labour.publicJwks() },
    () => undefined,
  );
  // One subgraph alone has no witnesses to hand its chain heads to (shared/audit/witness*.ts).
  const locateService = () => undefined;
  const service = await factory({ store, config, verifyToken: issuer.verifier, graph, keys, locateService });
  const baseUrl = await service.listen(0, '127.0.0.1');
  let nextSeq = 1;
  /** Posts a consent delivery as labour sends it: a JWT signed by `signer` (labour's ring unless told). */
  async function deliverConsentFacts(
    facts: readonly Record<string, unknown>[],
    options: DeliveryOptions = {},
  ): Promise<{ status: number; body: Record<string, unknown> }> {
    const signer = options.signer ?? peerKeys.labour;
    const delivery = await signer.sign(
      {
        asOf: (options.asOf ?? new Date()).toISOString(),
        complete: options.complete ?? true,
        facts: facts.map((fact) => ({ seq: nextSeq++, recordedBy: DESK, ...fact })),
        jti: randomUUID(),
      },
      {
        typ: options.typ ?? CONSENT_DELIVERY_TYP,
        audience: options.audience ?? service.name,
        lifetimeSeconds: 60,
      },
    );
    const response = await fetch(`${baseUrl}${CONSENT_DELIVERY_PATH}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ delivery }),
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  }
  // A grantee uses its consent copies only after a heartbeat from labour: the harness gives one.
  if (service.name === 'training' || service.name === 'university') await deliverConsentFacts([]);
  const url = `${baseUrl}/graphql`;

  return {
    url,
    baseUrl,
    db: store.db,
    issuer,
    graphCalls,
    /** The gateway's and labour's keys as this subgraph knows them: sign as either with these. */
    peerKeys,
    service,
    /** SQL statements issued so far through this subgraph's store. */
    statements: () => statementCount,
    token: (identity: TestIdentity) => issuer.token(identity),
    /** Runs an operation as a client of the given identity. */
    async request<TData = Record<string, unknown>>(
      identity: TestIdentity | string,
      query: string,
      variables: Record<string, unknown> = {},
    ): Promise<GraphQLResponse<TData>> {
      const token = typeof identity === 'string' ? identity : await issuer.token(identity);
      return postGraphQL<TData>(url, query, variables, bearer(token));
    },
    /**
     * The same request as the gateway sends it: signed with the gateway's key for this subgraph,
     * so `@requires` facts in representations count as the owning subgraph's. Without the
     * signature they are the caller's word.
     */
    async requestAsGateway<TData = Record<string, unknown>>(
      identity: TestIdentity,
      query: string,
      variables: Record<string, unknown> = {},
    ): Promise<GraphQLResponse<TData>> {
      const headers = bearer(await issuer.token(identity));
      return postGraphQL<TData>(
        url,
        query,
        variables,
        await operationAsGateway(peerKeys.gateway, service.name as SubgraphName, query, variables, headers),
      );
    },
    /**
     * Delivers consent facts as labour does (each numbered as labour's outbox would, and filed
     * under a Malang desk unless the fact names its `recordedBy`); resolves to the grantee's answer.
     */
    deliverConsentFacts,
    async close() {
      await service.close();
      await database.close();
    },
  };
}

export interface DeliveryOptions {
  /** Whose key signs; labour's unless a test forges with another ring. */
  readonly signer?: ServiceKeyRing;
  readonly audience?: string;
  readonly typ?: string;
  /** Whether the delivery is a heartbeat too (every pending fact is in it); true unless told. */
  readonly complete?: boolean;
  readonly asOf?: Date;
}

/** The desk a delivered fact is filed under when a test does not say. */
export const DESK: RecordedBy = {
  institutionId: '00000000-0000-4000-8000-0000000000d1',
  institutionKind: 'LABOUR_OFFICE',
  regionCode: '35.07',
  clientId: 'disnaker-malang-desk',
  actingSubject: null,
  requestId: 'harness-consent-delivery',
  clientRequestId: null,
  purpose: null,
  caseReference: null,
};

export type SubgraphHarness = Awaited<ReturnType<typeof startSubgraph>>;
