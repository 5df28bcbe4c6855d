import { randomUUID } from 'node:crypto';
import autocannon from 'autocannon';

/** What a bounded load run against one gateway measured. */
export interface LoadFigures {
  /** Requests answered. */
  readonly requests: number;
  /** Requests sent, including those still in flight when the run ended. */
  readonly sent: number;
  readonly seconds: number;
  readonly rps: number;
  readonly p50Ms: number;
  readonly p95Ms: number;
  readonly p99Ms: number;
  /** Connection errors and timeouts. */
  readonly errors: number;
  readonly non2xx: number;
}

export interface LoadRun {
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
  readonly connections: number;
  readonly seconds: number;
  /** A fresh `idempotency-key` per request (a write, as a real client sends it). */
  readonly freshIdempotencyKey: boolean;
}

/** The value below which `fraction` of the sorted samples lie (nearest rank). */
export function percentile(sorted: readonly number[], fraction: number): number {
  if (sorted.length === 0) return 0;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(fraction * sorted.length) - 1));
  return sorted[rank] as number;
}

/**
 * One autocannon run on 127.0.0.1, bounded in time. Latencies are taken from every response
 * (autocannon's own histogram has no p95).
 */
export async function runLoad(run: LoadRun): Promise<LoadFigures> {
  const latencies: number[] = [];
  const options: autocannon.Options = {
    url: run.url,
    connections: run.connections,
    duration: run.seconds,
    timeout: 30,
    requests: [
      {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...run.headers },
        body: run.body,
        ...(run.freshIdempotencyKey
          ? {
              setupRequest: (request: autocannon.Request) => ({
                ...request,
                headers: { ...request.headers, 'idempotency-key': randomUUID() },
              }),
            }
          : {}),
      },
    ],
  };
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(options, (error: unknown, finished: autocannon.Result) => {
      if (error) reject(error instanceof Error ? error : new Error(JSON.stringify(error)));
      else resolve(finished);
    });
    // autocannon emits (client, status, bytes, responseTime); its type declaration omits the client.
    (instance as NodeJS.EventEmitter).on(
      'response',
      (_client: unknown, _status: number, _bytes: number, responseTime: number) => {
        latencies.push(responseTime);
      },
    );
  });
  latencies.sort((left, right) => left - right);
  const round = (value: number) => Math.round(value * 100) / 100;
  return {
    requests: result.requests.total,
    sent: result.requests.sent,
    seconds: result.duration,
    rps: round(result.requests.total / result.duration),
    p50Ms: round(percentile(latencies, 0.5)),
    p95Ms: round(percentile(latencies, 0.95)),
    p99Ms: round(percentile(latencies, 0.99)),
    errors: result.errors,
    non2xx: result.non2xx,
  };
}
