import {
  ApolloGateway,
  RemoteGraphQLDataSource,
  type GraphQLDataSourceProcessOptions,
} from '@apollo/gateway';
import type { GatewayGraphQLRequest } from '@apollo/server-gateway-interface';
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { SIGNATURE_HEADER, signBody } from '../../shared/http/gateway-signature.js';

/**
 * Stock @apollo/gateway on @apollo/server's standalone HTTP server: what a team gets from Apollo's
 * documentation, with only the two things the hub's subgraphs need from any router: the caller's
 * token (and request id) on every subgraph request, and the hub's HMAC over the body.
 */

interface CallerHeaders {
  readonly authorization: string | undefined;
  readonly requestId: string | undefined;
}

class ForwardingDataSource extends RemoteGraphQLDataSource<CallerHeaders> {
  constructor(
    url: string,
    private readonly signingSecret: string | undefined,
  ) {
    super({ url });
  }

  override willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<CallerHeaders>): void {
    const headers = request.http?.headers;
    if (!headers) return;
    // The gateway's own start-up probes carry no caller.
    const caller = context as Partial<CallerHeaders>;
    if (caller.authorization) headers.set('authorization', caller.authorization);
    if (caller.requestId) headers.set('x-request-id', caller.requestId);
    if (this.signingSecret) headers.set(SIGNATURE_HEADER, signBody(this.signingSecret, sentBody(request)));
  }
}

/**
 * The body RemoteGraphQLDataSource will send (its private sendRequest serialises `{ query, ...rest }`
 * without `http`); the HMAC must cover exactly those bytes. Holds while APQ stays off.
 */
function sentBody(request: GatewayGraphQLRequest): string {
  const { query, http: _http, ...rest } = request;
  return JSON.stringify({ query, ...rest });
}

export interface ApolloStockGatewayOptions {
  /** A Federation 2 supergraph whose `@join__graph(url:)` already point at the subgraphs. */
  readonly supergraphSdl: string;
  /** The hub's HMAC secret; without it the gateway runs as any unmodified router would. */
  readonly signingSecret: string | undefined;
  /** 0 for any free port. */
  readonly port: number;
}

export interface RunningPeerGateway {
  /** Where it serves GraphQL (`http://127.0.0.1:<port>/graphql`). */
  readonly url: string;
  stop(): Promise<void>;
}

export async function startApolloStockGateway(
  options: ApolloStockGatewayOptions,
): Promise<RunningPeerGateway> {
  // @apollo/gateway 2.14 reports anonymous telemetry unless told not to.
  process.env['APOLLO_TELEMETRY_DISABLED'] = '1';
  const gateway = new ApolloGateway({
    supergraphSdl: options.supergraphSdl,
    buildService: ({ url }) => new ForwardingDataSource(url ?? '', options.signingSecret),
  });
  const server = new ApolloServer<CallerHeaders>({ gateway });
  const { url } = await startStandaloneServer(server, {
    listen: { port: options.port, host: '127.0.0.1' },
    context: ({ req }) => {
      const requestId = req.headers['x-request-id'];
      return Promise.resolve({
        authorization: req.headers.authorization,
        requestId: typeof requestId === 'string' ? requestId : undefined,
      });
    },
  });
  return { url: new URL('/graphql', url).href, stop: () => server.stop() };
}
