import type { JSONWebKeySet } from 'jose';
import { SUBGRAPH_NAMES, type SubgraphName } from '../config.js';
import type { Database } from '../db/database.js';
import type { StoreName } from '../db/migrations.js';
import { verifyAccessChain, type ChainReport, type WitnessedPoint } from './verify.js';
import { checkedWitnessedHeads } from './witnessed-heads.js';
import { witnessesOf } from './witness-publisher.js';

export interface AccessLogVerification {
  /** Every chain holds and passes through every head its witnesses hold. */
  readonly intact: boolean;
  /** One report per subgraph, and what its witnesses' heads say. */
  readonly services: readonly {
    readonly service: SubgraphName;
    readonly report: ChainReport;
    readonly problems: readonly string[];
  }[];
  /** What `npm run hub -- audit verify` prints, a line per finding. */
  readonly lines: readonly string[];
}

async function witnessedPoints(
  databases: Readonly<Record<StoreName, Database>>,
  service: SubgraphName,
  pinned: Partial<Record<StoreName, JSONWebKeySet>>,
) {
  const points: WitnessedPoint[] = [];
  const problems: string[] = [];
  for (const witness of witnessesOf(service)) {
    try {
      const checked = await checkedWitnessedHeads(databases[witness], witness, service, {
        pinned: pinned[service],
        serviceDb: databases[service],
      });
      points.push(...checked.points);
      problems.push(...checked.problems);
    } catch (error) {
      problems.push(
        `the ${witness}'s witnessed heads could not be read: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  }
  return { points, problems };
}

function summary(service: SubgraphName, report: ChainReport): string {
  if (report.broken) {
    const { position, eventId, reason } = report.broken;
    return `${service}: BROKEN at event ${position} (${eventId ?? 'no longer in the log'}): ${reason}; ${report.checked} events before it hold`;
  }
  const witnessed = report.witnessed;
  const suffix =
    witnessed?.lastPosition != null
      ? `; witnessed up to event ${witnessed.lastPosition} (${witnessed.matched} heads match)`
      : report.checked > 0
        ? '; no witnessed head yet'
        : '';
  return `${service}: intact, ${report.checked} events${suffix}`;
}

/**
 * `npm run hub -- audit verify` without the process around it: recomputes every subgraph's chain in Node
 * and checks it against the heads the ministry and the gateway witnessed (README "Access log").
 */
export async function verifyAccessLogs(
  databases: Readonly<Record<StoreName, Database>>,
  options: { readonly pinned?: Partial<Record<StoreName, JSONWebKeySet>> } = {},
): Promise<AccessLogVerification> {
  const services: AccessLogVerification['services'][number][] = [];
  const lines: string[] = [];
  for (const service of SUBGRAPH_NAMES) {
    const { points, problems } = await witnessedPoints(databases, service, options.pinned ?? {});
    const report = await verifyAccessChain(databases[service], service, { witnessed: points });
    services.push({ service, report, problems });
    lines.push(summary(service, report), ...problems.map((problem) => `${service}: WITNESS: ${problem}`));
  }
  const intact = services.every(({ report, problems }) => report.broken === null && problems.length === 0);
  return { intact, services, lines };
}
