import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { clientToken, jsonLines, startHubProcess, type HubProcess } from './helpers/hub-process.js';

// `npm start` pointed at an OTLP/HTTP collector (here a stand-in on loopback that keeps what it
// is sent): every service exports its spans under its own service.name, and the log lines of a
// request carry its trace id.

interface OtlpValue {
  readonly stringValue?: string;
}
interface OtlpSpan {
  readonly traceId: string;
  readonly spanId: string;
  readonly parentSpanId?: string;
  readonly name: string;
}
interface OtlpExport {
  readonly resourceSpans: readonly {
    readonly resource: { readonly attributes: readonly { key: string; value: OtlpValue }[] };
    readonly scopeSpans: readonly { readonly spans: readonly OtlpSpan[] }[];
  }[];
}

let collector: Server | undefined;
let hub: HubProcess | undefined;
afterAll(async () => {
  await hub?.remove();
  if (collector) await new Promise((resolve) => collector!.close(resolve));
});

/** A collector that answers every export with success and keeps its spans, by service.name. */
async function startCollector(): Promise<{ url: string; spans: { service: string; span: OtlpSpan }[] }> {
  const spans: { service: string; span: OtlpSpan }[] = [];
  collector = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => {
      if (request.url === '/v1/traces' && request.headers['content-type']?.startsWith('application/json')) {
        for (const resourceSpans of (JSON.parse(body) as OtlpExport).resourceSpans) {
          const service =
            resourceSpans.resource.attributes.find((attribute) => attribute.key === 'service.name')?.value
              .stringValue ?? '';
          for (const scope of resourceSpans.scopeSpans)
            for (const span of scope.spans) spans.push({ service, span });
        }
      }
      response.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((resolve) => collector!.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(collector.address() as AddressInfo).port}`, spans };
}

describe('tracing to a collector', () => {
  it('exports each service under its own name, and logs the trace id with the operation', async () => {
    const { url, spans } = await startCollector();
    hub = await startHubProcess({ OTEL_EXPORTER_OTLP_ENDPOINT: url });
    let output = '';
    try {
      const officer = (await hub.demoClients()).find((client) => client.clientId === 'kp2mi-case-officer')!;
      const token = await clientToken(hub.base, officer);
      const answer = await fetch(`${hub.base}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({
          query: 'query TracedWorkers { workers(first: 2) { edges { node { id } } } }',
        }),
      });
      expect(answer.status).toBe(200);
      // Each service sends its batch of spans within five seconds (the batch processor's delay).
      await vi.waitFor(
        () => {
          const root = spans.find(({ span }) => span.name === 'query TracedWorkers');
          if (
            !root ||
            !spans.some(({ service, span }) => service === 'labour' && span.traceId === root.span.traceId)
          )
            throw new Error('not exported yet');
        },
        { timeout: 20_000, interval: 250 },
      );
    } finally {
      output = await hub.stop();
    }

    const operation = jsonLines(output)
      .map((line) => JSON.parse(line) as Record<string, unknown>)
      .find((line) => line['msg'] === 'graphql operation' && line['operationName'] === 'TracedWorkers');
    expect(operation?.['traceId']).toMatch(/^[0-9a-f]{32}$/);
    const traced = spans.filter(({ span }) => span.traceId === operation?.['traceId']);
    const root = traced.find(({ span }) => span.name === 'query TracedWorkers');
    expect(root?.service).toBe('gateway');
    expect(root?.span.parentSpanId ?? '').toBe('');
    expect(operation?.['spanId']).toBe(root?.span.spanId);
    const labourFetch = traced.find(({ span }) => span.name === 'fetch labour');
    expect(labourFetch?.span.parentSpanId).toBe(root?.span.spanId);
    const labour = traced.find(({ service }) => service === 'labour');
    expect(labour?.span.parentSpanId).toBe(labourFetch?.span.spanId);
    // The subgraph's own request line carries the same trace id.
    const labourLines = jsonLines(output)
      .map((line) => JSON.parse(line) as Record<string, unknown>)
      .filter((line) => line['name'] === 'labour' && line['traceId'] === operation?.['traceId']);
    expect(labourLines.map((line) => line['msg'])).toContain('request completed');
  }, 240_000);
});
