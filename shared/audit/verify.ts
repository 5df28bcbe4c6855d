import { sql } from 'drizzle-orm';
import { selectRows, type Database } from '../db/database.js';
import { eventDigest, RAW_CHAIN_EVENT_COLUMNS, type RawChainEvent } from './canonical.js';

export interface ChainReport {
  readonly schema: string;
  /** Events that hold, in chain order, before the first that does not (all of them when intact). */
  readonly checked: number;
  /**
   * The first event that does not hold, or null when the whole chain is intact. `eventId` is null
   * only when that event is gone (a witness saw the chain longer than it is now).
   */
  readonly broken: {
    readonly position: number;
    readonly eventId: string | null;
    readonly reason: string;
  } | null;
  /** Present when witnessed heads were given: how many the chain matched, and the last of them. */
  readonly witnessed?: { readonly matched: number; readonly lastPosition: number | null };
}

/** A chain head a witness holds, its signature already checked (witnessed-heads.ts). */
export interface WitnessedPoint {
  readonly witness: string;
  readonly position: number;
  readonly hash: string;
}

const BATCH = 5_000;

function linkProblem(row: RawChainEvent, previous: { position: number; hash: string }): string | null {
  if (Number(row.position) !== previous.position + 1) return `event ${previous.position + 1} is missing`;
  if (row.prevHash !== previous.hash) return 'its prev_hash does not match the hash of the event before it';
  // Recomputed here in Node, not by the database's access_event_digest, which its DBA could replace.
  if (row.hash !== eventDigest(row.prevHash, row)) return 'its content does not match its hash';
  return null;
}

/**
 * Walks one access log in chain order and recomputes every hash in Node: each event must follow the
 * previous one without a gap, name its hash as `prev_hash`, and hash to what it stores. A changed,
 * removed or inserted event breaks the chain at that point, and the report names it.
 *
 * With `witnessed` heads (signed by the service and kept outside its database), the chain must
 * also pass through every one of them. A chain rewritten wholesale, every hash recomputed, holds
 * together but not at the heads witnessed before the rewrite: it is named broken at the first event
 * after the last witnessed head it still matches, the earliest event that may have been rewritten.
 */
export async function verifyAccessChain(
  db: Database,
  schema: string,
  options: { readonly witnessed?: readonly WitnessedPoint[] } = {},
): Promise<ChainReport> {
  const table = sql.raw(`"${schema}"."access_events"`);
  const heads = [...(options.witnessed ?? [])].sort((a, b) => a.position - b.position);
  const withWitnesses = options.witnessed !== undefined;
  let next = 0; // the next witnessed head to meet
  let lastGood = { position: 0, matched: 0 };
  let afterLastGood: string | null = null; // id of the event just after the last matched head
  let previous = { position: 0, hash: 'genesis' };

  const report = (broken: ChainReport['broken'], checked: number): ChainReport => ({
    schema,
    checked,
    broken,
    ...(withWitnesses
      ? {
          witnessed: { matched: lastGood.matched, lastPosition: lastGood.matched ? lastGood.position : null },
        }
      : {}),
  });
  const rewrittenAfterLastGood = (reason: string) =>
    report({ position: lastGood.position + 1, eventId: afterLastGood, reason }, lastGood.position);

  for (;;) {
    const rows = await selectRows<RawChainEvent>(
      db,
      sql`select ${RAW_CHAIN_EVENT_COLUMNS} from ${table} e
          where e.position > ${previous.position} order by e.position limit ${BATCH}`,
    );
    for (const row of rows) {
      const position = Number(row.position);
      const problem = linkProblem(row, previous);
      if (problem) return report({ position, eventId: row.id, reason: problem }, previous.position);
      if (position === lastGood.position + 1) afterLastGood = row.id;
      while (next < heads.length && heads[next]!.position <= position) {
        const head = heads[next]!;
        next += 1;
        if (head.position < position) continue; // cannot happen without a gap, which is refused above
        if (head.hash !== row.hash) {
          return rewrittenAfterLastGood(
            `the chain was rewritten after event ${lastGood.position}: the ${head.witness} witnessed event ${position} with another hash`,
          );
        }
        lastGood = { position, matched: lastGood.matched + 1 };
        afterLastGood = null;
      }
      previous = { position, hash: row.hash };
    }
    if (rows.length < BATCH) break;
  }
  const beyond = heads[next];
  if (beyond) {
    return rewrittenAfterLastGood(
      `the ${beyond.witness} witnessed event ${beyond.position}, but the chain ends at event ${previous.position}`,
    );
  }
  return report(null, previous.position);
}
