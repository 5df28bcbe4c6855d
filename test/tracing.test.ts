import { SpanKind } from '@opentelemetry/api';
import { InMemorySpanExporter, SimpleSpanProcessor, type ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { SUBGRAPH_NAMES } from '../shared/config.js';
import { bearer, postGraphQL } from '../shared/testing/graphql-client.js';
import { composeNik } from '../shared/validation/nik.js';
import { dataOf, startTestHub, type TestClient, type TestHub } from './helpers/hub.js';

// One federated operation is one trace: the gateway's server span, a client span per subgraph
// fetch, and each subgraph's server span a child of the fetch that reached it.

const exporter = new InMemorySpanExporter();
let hub: TestHub;
let office: TestClient;

const NIK = composeNik('35.07.11', '1991-04-05', 'FEMALE', 917);
const FULL_NAME = 'Tracing Worker Lestari';

// One root field of each subgraph: labour's workers, ministry's directory of institutions,
// training's providers and the universities.
const DIRECTORY = `query Directory($first: Int!) {
  workers(first: $first) { edges { node { id nik fullName } } }
  institutions { id name }
  trainingProviders { id }
  universities { id }
}`;

beforeAll(async () => {
  hub = await startTestHub({ spanProcessor: new SimpleSpanProcessor(exporter) });
  office = await hub.client('LABOUR_OFFICE', { regionCode: '35.07' });
  dataOf(
    await office.query(
      `mutation Register($input: RegisterWorkerInput!) { registerWorker(input: $input) { id } }`,
      {
        input: {
          nik: NIK,
          fullName: FULL_NAME,
          sex: 'FEMALE',
          birthDate: '1991-04-05',
          birthPlace: 'Malang',
          maritalStatus: 'SINGLE',
          education: 'PRIMARY',
          phone: '081200009171',
          address: 'Dusun Jejak 1',
          villageCode: '35.07.11.2008',
        },
      },
    ),
  );
}, 180_000);
afterAll(async () => {
  await hub.close();
});

const attribute = (span: ReadableSpan, key: string) => span.attributes[key];

/** The spans of the trace whose gateway server span is named `name`, once every subgraph's has ended. */
async function traceOf(name: string): Promise<{ root: ReadableSpan; spans: ReadableSpan[] }> {
  return vi.waitFor(
    () => {
      const root = exporter.getFinishedSpans().find((span) => span.name === name);
      if (!root) throw new Error(`no span named ${name} yet`);
      const spans = exporter
        .getFinishedSpans()
        .filter((span) => span.spanContext().traceId === root.spanContext().traceId);
      const servers = spans.filter((span) => span.kind === SpanKind.SERVER);
      if (servers.length < 1 + SUBGRAPH_NAMES.length) throw new Error('the subgraphs have not all ended yet');
      return { root, spans };
    },
    { timeout: 5_000 },
  );
}

describe('tracing', () => {
  it('follows one federated query through the gateway and all four subgraphs as one trace', async () => {
    exporter.reset();
    const data = dataOf(
      await office.query<{ workers: { edges: unknown[] }; universities: unknown[] }>(DIRECTORY, {
        first: 5,
      }),
    );
    expect(data.workers.edges.length).toBeGreaterThan(0);

    const { root, spans } = await traceOf('query Directory');
    expect(root.kind).toBe(SpanKind.SERVER);
    expect(root.parentSpanContext).toBeUndefined();
    expect(root.resource.attributes['service.name']).toBe('gateway');
    expect(root.attributes).toMatchObject({
      'hub.service': 'gateway',
      'http.route': '/graphql',
      'http.request.method': 'POST',
      'http.response.status_code': 200,
      'graphql.operation.name': 'Directory',
      'graphql.operation.type': 'query',
      'hub.outcome': 'ok',
    });

    const fetches = spans.filter((span) => span.kind === SpanKind.CLIENT);
    for (const fetch of fetches) {
      expect(fetch.parentSpanContext?.spanId).toBe(root.spanContext().spanId);
      expect(fetch.instrumentationScope.name).toBe('hub.gateway');
    }
    expect(new Set(fetches.map((fetch) => attribute(fetch, 'hub.subgraph')))).toEqual(
      new Set(SUBGRAPH_NAMES),
    );

    for (const name of SUBGRAPH_NAMES) {
      const served = spans.filter(
        (span) => span.kind === SpanKind.SERVER && span.resource.attributes['service.name'] === name,
      );
      expect(served.length, name).toBeGreaterThanOrEqual(1);
      for (const span of served) {
        // Each subgraph's span is the child of a fetch the gateway sent to that subgraph.
        const parent = fetches.find((fetch) => fetch.spanContext().spanId === span.parentSpanContext?.spanId);
        expect(parent, `${name}'s parent`).toBeDefined();
        expect(attribute(parent!, 'hub.subgraph')).toBe(name);
        expect(span.instrumentationScope.name).toBe(`hub.${name}`);
        expect(span.attributes).toMatchObject({
          'hub.service': name,
          'http.route': '/graphql',
          'http.response.status_code': 200,
          'graphql.operation.type': 'query',
        });
        expect(attribute(span, 'graphql.operation.name')).toMatch(/^Directory__/);
      }
    }
  });

  it('writes no personal data into spans: no NIK, no name, no variables', async () => {
    exporter.reset();
    dataOf(await office.query(DIRECTORY, { first: 5 }));
    const { spans } = await traceOf('query Directory');
    const text = JSON.stringify(
      exporter.getFinishedSpans().map((span) => ({ name: span.name, attributes: span.attributes })),
    );
    expect(spans.length).toBeGreaterThanOrEqual(9);
    expect(text).not.toContain(NIK);
    expect(text).not.toContain(FULL_NAME);
    expect(text).not.toContain('"first"');
  });

  it("starts the hub's own trace for a client's traceparent and only links the client's", async () => {
    exporter.reset();
    const forgedTrace = '4bf92f3577b34da6a3ce929d0e0e4736';
    const response = await postGraphQL(
      hub.url,
      DIRECTORY,
      { first: 1 },
      {
        ...bearer(await office.token()),
        traceparent: `00-${forgedTrace}-00f067aa0ba902b7-01`,
        tracestate: 'forged=yes',
      },
    );
    expect(response.errors).toEqual([]);
    const { root, spans } = await traceOf('query Directory');
    expect(root.spanContext().traceId).not.toBe(forgedTrace);
    expect(root.parentSpanContext).toBeUndefined();
    expect(root.links.map((link) => link.context.traceId)).toEqual([forgedTrace]);
    // What the subgraphs were sent is the gateway's context alone, without the client's tracestate.
    for (const span of spans) expect(span.spanContext().traceState?.serialize() ?? '').toBe('');
    const everywhere = exporter.getFinishedSpans().filter((span) => span.links.length === 0);
    expect(everywhere.every((span) => span.spanContext().traceId !== forgedTrace)).toBe(true);
  });
});
