import { Registry } from 'prom-client';
import { describe, expect, it } from 'vitest';
import { MAX_OPERATION_NAMES, operationMetrics } from './operation-metrics.js';

async function operationLabels(registry: Registry): Promise<string[]> {
  const metric = await registry.getSingleMetric('hub_graphql_operation_duration_seconds')!.get();
  return [
    ...new Set(
      metric.values
        // A histogram's values carry the name of their series (`_bucket`, `_sum`, `_count`).
        .filter(
          (value) =>
            (value as { metricName?: string }).metricName === 'hub_graphql_operation_duration_seconds_count',
        )
        .map((value) => String(value.labels['operation'])),
    ),
  ];
}

describe('operation metrics', () => {
  it('keep the operation label bounded whatever names clients send', async () => {
    const registry = new Registry();
    const metrics = operationMetrics(registry);
    for (let index = 0; index < MAX_OPERATION_NAMES + 50; index += 1)
      metrics.operation(`Operation${index}`, 'query', 'ok', 0.01);
    metrics.operation(null, 'query', 'ok', 0.01);
    metrics.operation('3507119912990001', null, 'UNAUTHENTICATED', 0.01);
    const labels = await operationLabels(registry);
    expect(labels).toHaveLength(MAX_OPERATION_NAMES + 2);
    expect(labels).toContain('anonymous');
    expect(labels).toContain('other');
    expect(labels).not.toContain('3507119912990001');
    expect(labels).not.toContain(`Operation${MAX_OPERATION_NAMES}`);
  });

  it('file an unexpected error code under OTHER', async () => {
    const registry = new Registry();
    const metrics = operationMetrics(registry);
    metrics.errors(['FORBIDDEN', 'not a code: Siti Aminah']);
    const metric = await registry.getSingleMetric('hub_graphql_errors_total')!.get();
    expect(metric.values.map((value) => [value.labels['code'], value.value])).toEqual([
      ['FORBIDDEN', 1],
      ['OTHER', 1],
    ]);
  });
});
