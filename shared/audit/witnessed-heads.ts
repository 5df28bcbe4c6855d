import { asc, eq } from 'drizzle-orm';
import { pgSchema } from 'drizzle-orm/pg-core';
import { createLocalJWKSet, jwtVerify, type JSONWebKeySet, type JWK } from 'jose';
import type { Database } from '../db/database.js';
import type { StoreName } from '../db/migrations.js';
import { allPublicKeys, SERVICE_KEY_ALG, serviceIssuer } from '../keys/service-keys.js';
import type { WitnessedPoint } from './verify.js';
import { CHAIN_HEAD_TYP, chainHeadOf } from './witness-head.js';
import { witnessedHeadsTable } from './witness-table.js';

export interface CheckedHeads {
  /** Accepted heads whose signatures hold: the points the chain must pass through. */
  readonly points: WitnessedPoint[];
  /** What is wrong with the witnessed heads themselves; any one of them fails the verification. */
  readonly problems: string[];
}

/**
 * Which key checks a witnessed head. A pinned key set (HUB_PINNED_KEYS_FILE) is the operator's own
 * record and wins. Otherwise the key the witness recorded when it accepted the head, never the
 * audited service's own key table: its DBA, who may have rewritten the chain, could have replaced
 * the keys there too, and a check against those would throw out every genuine head as unsigned.
 * A witness's DBA can plant a head under a key of their own, but only to raise an alarm, not to
 * hide a rewrite; the key table of the service is still compared, to say which side changed.
 */
function keysFor(pinned: JSONWebKeySet | undefined, recorded: unknown) {
  return createLocalJWKSet(pinned ?? { keys: [recorded as JWK] });
}

/** The chain heads one witness holds for one service, each checked against its signature. */
export async function checkedWitnessedHeads(
  witnessDb: Database,
  witness: StoreName,
  service: StoreName,
  options: { readonly pinned?: JSONWebKeySet | undefined; readonly serviceDb?: Database | undefined },
): Promise<CheckedHeads> {
  const table = witnessedHeadsTable(pgSchema(witness));
  const rows = await witnessDb
    .select()
    .from(table)
    .where(eq(table.service, service))
    .orderBy(asc(table.position));
  const ownKeys = options.serviceDb
    ? new Set((await allPublicKeys(options.serviceDb, service)).keys.map((key) => key.kid))
    : undefined;
  const points: WitnessedPoint[] = [];
  const problems: string[] = [];
  const unknownKids = new Set<string>();
  for (const row of rows) {
    let head;
    try {
      const { payload } = await jwtVerify(row.jwt, keysFor(options.pinned, row.publicJwk), {
        algorithms: [SERVICE_KEY_ALG],
        issuer: serviceIssuer(service),
        audience: witness,
        typ: CHAIN_HEAD_TYP,
      });
      head = chainHeadOf(service, payload);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      problems.push(
        `the ${witness} holds a head at event ${row.position} that ${service} did not sign (${reason})`,
      );
      continue;
    }
    // The columns are only an index: what was signed counts, and they must say the same.
    if (head.position !== row.position || head.hash !== row.hash) {
      problems.push(
        `the ${witness} holds a head at event ${row.position} whose columns differ from what was signed`,
      );
      continue;
    }
    if (row.refusal !== null) {
      problems.push(
        `${service} signed a head for event ${head.position} that the ${witness} refused: ${row.refusal}`,
      );
      continue;
    }
    if (ownKeys && !ownKeys.has(row.kid) && !unknownKids.has(row.kid)) {
      unknownKids.add(row.kid);
      problems.push(
        `${service}'s own key table no longer lists key ${row.kid}, which signed heads the ${witness} holds`,
      );
    }
    points.push({ witness, position: head.position, hash: head.hash });
  }
  return { points, problems };
}
