import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSubgraph, type SubgraphHarness } from '../shared/testing/subgraph-harness.js';
import { createSubgraph } from '../subgraphs/labour/server.js';

const MALANG_OFFICE = { kind: 'LABOUR_OFFICE', regionCode: '35.07' } as const;

async function statementsMetric(baseUrl: string): Promise<number> {
  const text = await (await fetch(`${baseUrl}/metrics`)).text();
  const match = /^hub_db_statements_total\{[^}]*\} (\d+)$/m.exec(text);
  if (!match) throw new Error(`no hub_db_statements_total in:\n${text.slice(0, 400)}`);
  return Number(match[1]);
}

describe('subgraph metrics', () => {
  let hub: SubgraphHarness;
  beforeAll(async () => {
    hub = await startSubgraph(createSubgraph);
  });
  afterAll(async () => {
    await hub.close();
  });

  it('a subgraph counts every SQL statement it issues at /metrics', async () => {
    const metricBefore = await statementsMetric(hub.baseUrl);
    const issuedBefore = hub.statements();
    const response = await hub.request(MALANG_OFFICE, '{ workers(first: 5) { totalCount } }');
    expect(response.errors).toEqual([]);
    const metricAfter = await statementsMetric(hub.baseUrl);
    const issued = hub.statements() - issuedBefore;
    expect(issued).toBeGreaterThan(0);
    expect(metricAfter - metricBefore).toBe(issued);
  });

  it('labels the counter with the service that issued the statements', async () => {
    const text = await (await fetch(`${hub.baseUrl}/metrics`)).text();
    expect(text).toMatch(/^hub_db_statements_total\{service="labour"\} \d+$/m);
  });
});
