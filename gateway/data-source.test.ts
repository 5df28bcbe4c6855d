import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { GraphQLError, parse } from 'graphql';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { GatewayContext } from './context.js';
import { SubgraphDataSource } from './data-source.js';
import { RequestDeadline } from './deadline.js';

// What a subgraph sees of the gateway's deadline: reads in flight abandoned, nothing sent once it
// has passed, a mutation already sent left to finish.

interface Arrival {
  readonly response: ServerResponse;
  abandoned: boolean;
}

let server: Server;
let url: string;
const arrivals: Arrival[] = [];

beforeAll(async () => {
  // A subgraph that answers only when the test says so.
  server = createServer((request, response) => {
    request.resume();
    const arrival: Arrival = { response, abandoned: false };
    response.once('close', () => {
      if (!response.writableEnded) arrival.abandoned = true;
    });
    arrivals.push(arrival);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
});
afterEach(() => {
  arrivals.length = 0;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

function fetchOf(query: string, deadline: RequestDeadline): GraphQLDataSourceProcessOptions<GatewayContext> {
  // A query-plan fetch as @apollo/gateway hands it over; the data source reads only these fields.
  const options = { request: { query, variables: {} }, document: parse(query), context: { deadline } };
  return options as unknown as GraphQLDataSourceProcessOptions<GatewayContext>;
}

async function codeOf(work: Promise<unknown>): Promise<unknown> {
  const error = await work.then(
    () => null,
    (reason: unknown) => reason,
  );
  return error instanceof GraphQLError ? error.extensions['code'] : error;
}

describe('a subgraph fetch and the request deadline', () => {
  const source = () => new SubgraphDataSource('training', url, 120_000, undefined);

  it('is not sent once the deadline has passed, query or mutation', async () => {
    const deadline = new RequestDeadline();
    deadline.pass();
    const data = source();
    expect(await codeOf(data.process(fetchOf('{ courses { id } }', deadline)))).toBe('TIMEOUT');
    expect(await codeOf(data.process(fetchOf('mutation { createCourse { id } }', deadline)))).toBe('TIMEOUT');
    expect(arrivals).toEqual([]);
    expect(deadline.writeSent).toBe(false);
    await data.close();
  });

  it('abandons a read in flight when the deadline passes', async () => {
    const deadline = new RequestDeadline();
    const data = source();
    const read = data.process(fetchOf('{ courses { id } }', deadline));
    await vi.waitFor(() => expect(arrivals).toHaveLength(1));
    deadline.pass();
    expect(await codeOf(read)).toBe('TIMEOUT');
    await vi.waitFor(() => expect(arrivals[0]?.abandoned).toBe(true));
    await data.close();
  });

  it('lets a mutation in flight finish and remembers that a write was sent', async () => {
    const deadline = new RequestDeadline();
    const data = source();
    const write = data.process(fetchOf('mutation { createCourse { id } }', deadline));
    await vi.waitFor(() => expect(arrivals).toHaveLength(1));
    deadline.pass();
    arrivals[0]?.response
      .writeHead(200, { 'content-type': 'application/json' })
      .end(JSON.stringify({ data: { createCourse: { id: 'c1' } } }));
    expect(await write).toEqual({ data: { createCourse: { id: 'c1' } } });
    expect(arrivals[0]?.abandoned).toBe(false);
    expect(deadline.writeSent).toBe(true);
    await data.close();
  });
});
