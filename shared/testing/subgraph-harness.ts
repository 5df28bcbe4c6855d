import { randomBytes } from 'node:crypto';
import { Attestations, CONSENT_FACT, consentFactClaims } from '../auth/attestation.js';
import { loadConfig } from '../config.js';
import type { QueryObserver } from '../db/database.js';
import type { GraphClient, GraphResult } from '../http/graph-client.js';
import { SIGNATURE_HEADER, signBody } from '../http/gateway-signature.js';
import type { SubgraphFactory } from '../http/subgraph.js';
import { createTestDatabase as createDatabase } from './database.js';
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
  const gatewaySigningSecret = randomBytes(32).toString('base64url');
  const attestations = new Attestations(gatewaySigningSecret);
  // Tests send many unsigned requests as one client: rate limits are out of their way (the
  // limits themselves are tested across services, test/limits.test.ts).
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    GATEWAY_SIGNING_SECRET: gatewaySigningSecret,
    RATE_LIMIT_LABOUR_OFFICE: '1000000',
    RATE_LIMIT_MINISTRY: '1000000',
    RATE_LIMIT_TRAINING_PROVIDER: '1000000',
    RATE_LIMIT_UNIVERSITY: '1000000',
  });
  const service = await factory({ store, config, verifyToken: issuer.verifier, graph });
  const baseUrl = await service.listen(0, '127.0.0.1');
  const url = `${baseUrl}/graphql`;

  return {
    url,
    baseUrl,
    db: store.db,
    issuer,
    graphCalls,
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
     * The same request as the gateway sends it: signed, so `@requires` facts in representations
     * count as the owning subgraph's. Without the signature they are the caller's word.
     */
    async requestAsGateway<TData = Record<string, unknown>>(
      identity: TestIdentity,
      query: string,
      variables: Record<string, unknown> = {},
    ): Promise<GraphQLResponse<TData>> {
      const signature = signBody(gatewaySigningSecret, JSON.stringify({ query, variables }));
      return postGraphQL<TData>(url, query, variables, {
        ...bearer(await issuer.token(identity)),
        [SIGNATURE_HEADER]: signature,
      });
    },
    /** A consent fact as the labour subgraph sends it (ISO dates), with its attestation. */
    attestConsentFact<TFact extends Record<string, unknown>>(fact: TFact): TFact & { attestation: string } {
      // Malformed dates stay unattested: validation refuses them before the attestation is checked.
      const date = (value: unknown) => {
        const parsed = typeof value === 'string' ? new Date(value) : null;
        return parsed && !Number.isNaN(parsed.getTime()) ? parsed : null;
      };
      const claims = consentFactClaims({
        consentId: String(fact['consentId']),
        workerId: String(fact['workerId']),
        purpose: String(fact['purpose']),
        workerDistrictCode: String(fact['workerDistrictCode']),
        granteeInstitutionId: String(fact['granteeInstitutionId']),
        grantedAt: date(fact['grantedAt']) ?? new Date(0),
        expiresAt: date(fact['expiresAt']),
        revokedAt: date(fact['revokedAt']),
      });
      return { ...fact, attestation: attestations.sign(CONSENT_FACT, claims) };
    },
    async close() {
      await service.close();
      await database.close();
    },
  };
}

export type SubgraphHarness = Awaited<ReturnType<typeof startSubgraph>>;
