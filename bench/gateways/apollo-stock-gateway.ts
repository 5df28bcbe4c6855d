import {
  ApolloGateway,
  RemoteGraphQLDataSource,
  type GraphQLDataSourceProcessOptions,
} from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';

/**
 * Stock @apollo/gateway on @apollo/server's standalone HTTP server: what a team gets from Apollo's
 * documentation, with only what the hub's subgraphs need from any router: the caller's token (and
 * request id) on every subgraph request. It cannot hold the gateway's key, so the
 * subgraphs take its requests as direct ones (README "Peer router mode").
 */

interface CallerHeaders {
  readonly authorization: string | undefined;
  readonly requestId: string | undefined;
}

class ForwardingDataSource extends RemoteGraphQLDataSource<CallerHeaders> {
  constructor(url: string) {
    super({ url });
  }

  override willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<CallerHeaders>): void {
    const headers = request.http?.headers;
    if (!headers) return;
    // The gateway's own start-up probes carry no caller.
    const caller = context as Partial<CallerHeaders>;
    if (caller.authorization) headers.set('authorization', caller.authorization);
    if (caller.requestId) headers.set('x-request-id', caller.requestId);
  }
}

export interface ApolloStockGatewayOptions {
  /** A Federation 2 supergraph whose `@join__graph(url:)` already point at the subgraphs. */
  readonly supergraphSdl: string;
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
    buildService: ({ url }) => new ForwardingDataSource(url ?? ''),
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
