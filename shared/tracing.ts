import { trace, type TextMapPropagator, type Tracer } from '@opentelemetry/api';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { defaultResource, resourceFromAttributes } from '@opentelemetry/resources';
import { BasicTracerProvider, BatchSpanProcessor, type SpanProcessor } from '@opentelemetry/sdk-trace-base';
import { ATTR_SERVICE_NAME } from '@opentelemetry/semantic-conventions';
import type { TracingSettings } from './config.js';

/** The span attribute naming the hub service that made a span, whatever `service.name` says. */
export const ATTR_HUB_SERVICE = 'hub.service';

/**
 * One service's tracing (README "Tracing"). Each service has a tracer provider of its own, never
 * registered globally: its resource names that service, so the five services of an embedded hub
 * (one process) report as five services, as they do in production, one process each. Spans are
 * parented through contexts handed on explicitly (a Fastify request, the gateway's context), so
 * no async context manager runs either.
 */
export interface ServiceTracing {
  /** Whether spans are recorded: an OTLP endpoint is configured, or a test gave its processor. */
  readonly enabled: boolean;
  readonly service: string;
  /** Off: the OpenTelemetry API's own tracer with no provider behind it, whose spans record nothing. */
  readonly tracer: Tracer;
  /** W3C Trace Context (`traceparent`, `tracestate`); null when off: no header is read or written. */
  readonly propagator: TextMapPropagator | null;
  /** Exports what is still buffered; stops the exporter the service made for itself. */
  close(): Promise<void>;
}

/** Only the trace context: baggage from a client is arbitrary text the hub would pass on. */
const W3C_TRACE_CONTEXT = new W3CTraceContextPropagator();

function tracerName(service: string): string {
  return `hub.${service}`;
}

/** Tracing switched off: what a service has with no endpoint configured. */
export function tracingOff(service: string): ServiceTracing {
  return {
    enabled: false,
    service,
    tracer: trace.getTracer(tracerName(service)),
    propagator: null,
    close: () => Promise.resolve(),
  };
}

/**
 * The tracing of one service: off without an endpoint (and without `spanProcessor`), else spans
 * batched to the OTLP/HTTP endpoint of the configuration. `spanProcessor` (tests: an in-memory
 * exporter) takes the place of that endpoint; it may be shared by several services and is
 * flushed, never shut down, when a service closes.
 */
export function serviceTracing(
  settings: TracingSettings,
  service: string,
  spanProcessor?: SpanProcessor,
): ServiceTracing {
  const endpoint = settings.tracesEndpoint;
  let processor = spanProcessor;
  if (!processor) {
    if (endpoint === undefined) return tracingOff(service);
    processor = new BatchSpanProcessor(new OTLPTraceExporter({ url: endpoint }));
  }
  const provider = new BasicTracerProvider({
    resource: defaultResource().merge(
      resourceFromAttributes({
        [ATTR_SERVICE_NAME]: settings.serviceName ?? service,
        [ATTR_HUB_SERVICE]: service,
      }),
    ),
    spanProcessors: [processor],
  });
  return {
    enabled: true,
    service,
    tracer: provider.getTracer(tracerName(service)),
    propagator: W3C_TRACE_CONTEXT,
    close: () => (spanProcessor ? provider.forceFlush() : provider.shutdown()),
  };
}
