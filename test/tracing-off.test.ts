import {
  isSpanContextValid,
  ProxyTracer,
  ProxyTracerProvider,
  SpanKind,
  trace,
  type Span,
  type SpanOptions,
  type Tracer,
} from '@opentelemetry/api';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { SUBGRAPH_NAMES } from '../shared/config.js';
import { dataOf, startTestHub, type TestClient, type TestHub } from './helpers/hub.js';

// Without an OTLP endpoint tracing costs nothing: no tracer provider exists, every service's
// tracer is the OpenTelemetry API's no-op one, and no span records anything.

let hub: TestHub;
let office: TestClient;

beforeAll(async () => {
  hub = await startTestHub();
  office = await hub.client('LABOUR_OFFICE', { regionCode: '35.07' });
}, 180_000);
afterAll(async () => {
  await hub.close();
});

const DIRECTORY = `query Directory {
  workers(first: 1) { edges { node { id } } }
  institutions { id }
  trainingProviders { id }
  universities { id }
}`;

/** Every span `tracer` starts from now on, with the options it was started with. */
function watch(tracer: Tracer): { options: (SpanOptions | undefined)[]; spans: Span[] } {
  const seen = { options: [] as (SpanOptions | undefined)[], spans: [] as Span[] };
  const start = tracer.startSpan.bind(tracer);
  vi.spyOn(tracer, 'startSpan').mockImplementation((name, options, context) => {
    const span = start(name, options, context);
    seen.options.push(options);
    seen.spans.push(span);
    return span;
  });
  return seen;
}

describe('tracing without an endpoint', () => {
  it('is the no-op tracer of the API and records no span', async () => {
    expect(hub.config.tracing.tracesEndpoint).toBeUndefined();
    // No provider was registered: the API's global provider delegates to its no-op one.
    const global = trace.getTracerProvider();
    expect(global).toBeInstanceOf(ProxyTracerProvider);
    expect((global as ProxyTracerProvider).getDelegate().constructor.name).toBe('NoopTracerProvider');

    const services = [hub.gateway, ...SUBGRAPH_NAMES.map((name) => hub.subgraphs[name])];
    const watched = services.map((service) => {
      expect(service.tracing.enabled, service.name).toBe(false);
      expect(service.tracing.propagator, service.name).toBeNull();
      expect(service.tracing.tracer, service.name).toBeInstanceOf(ProxyTracer);
      return { name: service.name, ...watch(service.tracing.tracer) };
    });

    dataOf(await office.query(DIRECTORY));

    for (const { name, options, spans } of watched) {
      // One server span per request each service answered, and none of them records.
      expect(spans.length, name).toBeGreaterThanOrEqual(1);
      for (const span of spans) {
        expect(span.isRecording(), name).toBe(false);
        expect(isSpanContextValid(span.spanContext()), name).toBe(false);
      }
      // No fetch span: the gateway's fetches are not traced, and send no traceparent.
      expect(
        options.every((option) => option?.kind === SpanKind.SERVER),
        name,
      ).toBe(true);
    }
  });
});
