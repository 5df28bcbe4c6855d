import { z } from 'zod';
import { SUBGRAPH_NAMES, type SubgraphName } from '../shared/config.js';
import { runSubgraphProcess } from '../shared/http/run.js';
import type { SubgraphFactory } from '../shared/http/subgraph.js';
import { createSubgraph as labour } from '../subgraphs/labour/server.js';
import { createSubgraph as ministry } from '../subgraphs/ministry/server.js';
import { createSubgraph as training } from '../subgraphs/training/server.js';
import { createSubgraph as university } from '../subgraphs/university/server.js';

// The benchmark's "access log off" leg: one subgraph process, exactly as `subgraphs/<name>/main.ts`
// runs it, except that it does not record reads, so that the run measures what the log costs.
// This is the only place that asks for it; no setting can, and `createSubgraph` refuses it in
// production, so the runner starts these processes with NODE_ENV=test (bench/hub-stack.ts).

const FACTORIES: Readonly<Record<SubgraphName, SubgraphFactory>> = { labour, ministry, training, university };

const parsed = z.enum(SUBGRAPH_NAMES).safeParse(process.env['BENCH_SUBGRAPH']);
if (!parsed.success) {
  console.error(`BENCH_SUBGRAPH must name a subgraph (${SUBGRAPH_NAMES.join(', ')})`);
  process.exit(1);
}
const name = parsed.data;
await runSubgraphProcess(name, (deps) => FACTORIES[name]({ ...deps, recordReads: false }));
