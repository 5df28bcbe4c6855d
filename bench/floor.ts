import { createServer } from 'node:http';
import postgres from 'postgres';
import { z } from 'zod';
import { floorPlanOf, runFloor } from './floor-sql.js';

// The physical floor as a contender of its own: one process that answers a workload's request with
// one minimal SQL statement per subgraph (bench/floor-sql.ts), straight from PostgreSQL. Its CPU
// per request is PostgreSQL's plus a minimal client's: what no gateway and no subgraph can go below.
//
// It replaced a replay of the subgraph requests the hub's gateway had sent. That replay could not
// work against the hub's subgraphs: every fetch is signed for 30 s with a nonce used once (README
// "Signed internal requests"), so each replay was refused with 401 INVALID_SIGNATURE ("exp" or a
// nonce seen) without running any SQL, and the floor measured refusals (SQL/req 0).

const environment = z
  .object({
    BENCH_GATEWAY_PORT: z.coerce.number().int().min(1).max(65_535),
    BENCH_FLOOR_WORKLOAD: z.string().min(1),
    DATABASE_URL: z.string().min(1),
    DATABASE_POOL_SIZE: z.coerce.number().int().min(1).default(10),
  })
  .parse(process.env);
const plan = floorPlanOf(environment.BENCH_FLOOR_WORKLOAD);
const sql = postgres(environment.DATABASE_URL, {
  max: environment.DATABASE_POOL_SIZE,
  onnotice: () => {},
  connection: { application_name: 'migran-bench-floor' },
});
let statements = 0;
const perRequest = plan.reduce((sum, stage) => sum + stage.length, 0);

async function answer(body: string): Promise<string> {
  const { variables } = JSON.parse(body) as { variables?: Record<string, unknown> };
  const rows = await runFloor(sql, plan, variables ?? {});
  statements += perRequest;
  return JSON.stringify({ data: rows });
}

const server = createServer((request, response) => {
  if (request.url === '/health') {
    response.writeHead(200, { 'content-type': 'application/json' }).end('{"status":"ok"}');
    return;
  }
  if (request.url === '/metrics') {
    // The same counter the subgraphs publish, so the runner counts the floor's statements alike.
    response.writeHead(200, { 'content-type': 'text/plain' }).end(`hub_db_statements_total ${statements}\n`);
    return;
  }
  const chunks: Buffer[] = [];
  request.on('data', (chunk: Buffer) => chunks.push(chunk));
  request.on('end', () => {
    answer(Buffer.concat(chunks).toString('utf8')).then(
      (body) => response.writeHead(200, { 'content-type': 'application/json' }).end(body),
      (error: unknown) =>
        response
          .writeHead(500, { 'content-type': 'application/json' })
          .end(
            JSON.stringify({ errors: [{ message: error instanceof Error ? error.message : String(error) }] }),
          ),
    );
  });
});
server.listen(environment.BENCH_GATEWAY_PORT, '127.0.0.1');
const stop = () => {
  server.close(() => {
    void sql.end({ timeout: 5 }).finally(() => process.exit(0));
  });
  server.closeIdleConnections();
};
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
