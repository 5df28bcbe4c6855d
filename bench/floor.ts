import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { Agent } from 'undici';
import { z } from 'zod';
import { floorPlanSchema, type PlannedFetch } from './plan-recorder.js';

// The floor: the smallest possible gateway. For one workload it replays the subgraph requests of
// that operation's query plan, recorded from the hub's gateway (same bodies, headers, token and
// signature, same sequence and parallelism), and answers with the last response. No parsing, no
// planning, no checks: what is left is the cost of the subgraphs and the HTTP hops.

const environment = z
  .object({
    BENCH_GATEWAY_PORT: z.coerce.number().int().min(1).max(65_535),
    BENCH_FLOOR_PLAN: z.string().min(1),
  })
  .parse(process.env);
const plan = floorPlanSchema.parse(JSON.parse(readFileSync(environment.BENCH_FLOOR_PLAN, 'utf8')));
const pool = new Agent({ keepAliveTimeout: 30_000, connections: 64 });

async function send(fetch: PlannedFetch): Promise<string> {
  const url = new URL(fetch.url);
  const response = await pool.request({
    origin: url.origin,
    path: url.pathname,
    method: 'POST',
    headers: fetch.headers,
    body: fetch.body,
  });
  return response.body.text();
}

async function replay(): Promise<string> {
  let last = '{"data":null}';
  for (const stage of plan.stages) {
    const answers = await Promise.all(stage.map(send));
    last = answers.at(-1) ?? last;
  }
  return last;
}

const server = createServer((request, response) => {
  if (request.url === '/health') {
    response.writeHead(200, { 'content-type': 'application/json' }).end('{"status":"ok"}');
    return;
  }
  request.resume();
  request.on('end', () => {
    replay().then(
      (body) => response.writeHead(200, { 'content-type': 'application/json' }).end(body),
      (error: unknown) => response.writeHead(502).end(String(error)),
    );
  });
});
server.listen(environment.BENCH_GATEWAY_PORT, '127.0.0.1');
const stop = () => server.close(() => process.exit(0));
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
