import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { SUBGRAPH_NAMES } from '../../shared/config.js';

/**
 * The contract between the benchmark runner and each peer gateway it starts: every gateway is its
 * own process, configured only through these variables, so the runner treats them all alike.
 */
const schema = z.object({
  BENCH_GATEWAY_PORT: z.coerce.number().int().min(1).max(65_535),
  BENCH_SUPERGRAPH_PATH: z.string().min(1).default('schema/supergraph.graphql'),
  BENCH_SUBGRAPH_URLS: z
    .string()
    .transform((text, context) => {
      try {
        return JSON.parse(text) as unknown;
      } catch {
        context.addIssue({ code: 'custom', message: 'must be JSON' });
        return z.NEVER;
      }
    })
    .pipe(z.partialRecord(z.enum(SUBGRAPH_NAMES), z.url())),
});

export interface PeerGatewayEnvironment {
  readonly port: number;
  /** The committed supergraph with each `@join__graph(url:)` pointing at the benchmark's subgraphs. */
  readonly supergraphSdl: string;
}

/** Parses the environment once; exits with every problem on one line when it is wrong. */
export function readPeerGatewayEnvironment(env: NodeJS.ProcessEnv = process.env): PeerGatewayEnvironment {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`bad peer gateway environment: ${problems.join('; ')}`);
  }
  const { BENCH_GATEWAY_PORT, BENCH_SUPERGRAPH_PATH, BENCH_SUBGRAPH_URLS } = parsed.data;
  return {
    port: BENCH_GATEWAY_PORT,
    supergraphSdl: withSubgraphUrls(readFileSync(BENCH_SUPERGRAPH_PATH, 'utf8'), BENCH_SUBGRAPH_URLS),
  };
}

/**
 * Points the supergraph's `@join__graph(name: "...", url: "...")` at other URLs. A subgraph the map
 * does not name keeps its URL; a name the supergraph lacks is an error (a typo would otherwise
 * silently benchmark the wrong service).
 */
export function withSubgraphUrls(supergraphSdl: string, urls: Partial<Record<string, string>>): string {
  const seen = new Set<string>();
  const rewritten = supergraphSdl.replace(
    /@join__graph\(name: "([^"]+)", url: "[^"]*"\)/g,
    (whole, name: string) => {
      const url = urls[name];
      if (url === undefined) return whole;
      seen.add(name);
      return `@join__graph(name: "${name}", url: ${JSON.stringify(url)})`;
    },
  );
  const unknown = Object.keys(urls).filter((name) => !seen.has(name));
  if (unknown.length > 0) throw new Error(`the supergraph has no subgraph named ${unknown.join(', ')}`);
  return rewritten;
}
