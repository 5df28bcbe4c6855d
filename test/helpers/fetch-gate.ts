import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SUBGRAPH_NAMES, type SubgraphName } from '../../shared/config.js';

/** One fetch the gateway sent a subgraph through the gate. */
export interface GatedFetch {
  readonly service: SubgraphName;
  readonly body: string;
  /** Held until the test let it go. */
  readonly held: boolean;
  /** The gateway gave up on it (closed the connection) before it was answered. */
  abandoned: boolean;
  /** The subgraph was asked and answered. */
  answered: boolean;
}

type Pick = (service: SubgraphName, body: string) => boolean;

const HOP_BY_HOP = new Set(['host', 'connection', 'content-length', 'transfer-encoding', 'keep-alive']);

async function bodyOf(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * The network between a gateway and the subgraphs, under a test's control: every fetch is passed
 * on to the real subgraph, except the ones the test picks, which wait until it lets them go. It
 * sees what a subgraph would: which fetches arrived, and which the gateway abandoned mid-way.
 * Each subgraph gets its own port with the real `/graphql` path (the gateway's signature covers
 * the path).
 */
export async function startFetchGate(upstreams: Readonly<Record<SubgraphName, string>>) {
  const fetches: GatedFetch[] = [];
  let pick: Pick = () => false;
  let open: () => void = () => {};
  let opened = Promise.resolve();

  async function pass(service: SubgraphName, request: IncomingMessage, response: ServerResponse) {
    const body = await bodyOf(request);
    const fetch: GatedFetch = { service, body, held: pick(service, body), abandoned: false, answered: false };
    fetches.push(fetch);
    response.once('close', () => {
      if (!response.writableEnded) fetch.abandoned = true;
    });
    if (fetch.held) await opened;
    if (fetch.abandoned) return;
    const headers = Object.fromEntries(
      Object.entries(request.headers).filter(
        (entry): entry is [string, string] => typeof entry[1] === 'string' && !HOP_BY_HOP.has(entry[0]),
      ),
    );
    const answer = await globalThis.fetch(upstreams[service], { method: 'POST', headers, body });
    const text = await answer.text();
    fetch.answered = true;
    response.writeHead(answer.status, {
      'content-type': answer.headers.get('content-type') ?? 'application/json',
    });
    response.end(text);
  }

  const servers = new Map<SubgraphName, Server>();
  const urls = {} as Record<SubgraphName, string>;
  for (const service of SUBGRAPH_NAMES) {
    const server = createServer((request, response) => {
      pass(service, request, response).catch(() => response.destroy());
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    servers.set(service, server);
    urls[service] = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  }

  return {
    /** Where the gateway should send each subgraph's fetches. */
    urls,
    fetches,
    /** From now on, holds the fetches `which` picks until `release`. */
    hold(which: Pick) {
      pick = which;
      opened = new Promise<void>((resolve) => (open = resolve));
    },
    /** Lets every held fetch go on to its subgraph, and holds no more. */
    release() {
      pick = () => false;
      open();
    },
    async close() {
      this.release();
      for (const server of servers.values()) {
        server.closeAllConnections();
        await new Promise((resolve) => server.close(resolve));
      }
    },
  };
}

export type FetchGate = Awaited<ReturnType<typeof startFetchGate>>;
