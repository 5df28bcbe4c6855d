import { and, eq, gt, isNull, lt, or, sql } from 'drizzle-orm';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Database } from '../db/database.js';
import type { StoreName } from '../db/migrations.js';
import { SignatureRefused, type KeyDirectory } from '../keys/directory.js';
import type { Logger } from '../logging.js';
import {
  CHAIN_HEAD_TYP,
  chainHeadOf,
  claimedIssuer,
  MalformedHead,
  WITNESS_PATH,
  type ChainHead,
} from './witness-head.js';
import type { WitnessedHeadsTable } from './witness-table.js';

export type WitnessOutcome =
  | { readonly status: 'ACCEPTED' | 'ALREADY_HELD'; readonly head: ChainHead }
  /** Validly signed, but at odds with a head held already: kept as evidence, never in its place. */
  | { readonly status: 'CONTRADICTED'; readonly head: ChainHead; readonly refusal: string };

/** A head the witness will not keep at all: badly formed, unsigned, or from a service it does not witness. */
export class HeadRefused extends Error {
  constructor(
    readonly code: 'BAD_USER_INPUT' | 'FORBIDDEN',
    message: string,
  ) {
    super(message);
    this.name = 'HeadRefused';
  }
}

export interface HeadWitnessOptions {
  readonly db: Database;
  readonly table: WitnessedHeadsTable;
  /** This witness's own service name: heads must be addressed to it (`aud`). */
  readonly witness: StoreName;
  /** The services whose heads it keeps (never its own: its own DBA could write those). */
  readonly witnessed: readonly StoreName[];
  readonly keys: KeyDirectory;
}

/**
 * Keeps the chain heads other services sign (README "Access log"). A head is kept only with a
 * valid signature of the service it names, checked with that service's published or pinned key,
 * and the key is kept beside it. A head never replaces another: one at a position already held
 * with another hash, or one that shows the chain shorter than it was shown earlier, is kept as a
 * contradiction and answered with CONFLICT, for `audit verify` and the service's operators to see.
 */
export class HeadWitness {
  constructor(private readonly options: HeadWitnessOptions) {}

  async receive(jwt: string): Promise<WitnessOutcome> {
    const { keys, witness, witnessed } = this.options;
    let service: StoreName;
    let head: ChainHead;
    let publicJwk;
    try {
      service = claimedIssuer(jwt);
      if (!witnessed.includes(service)) {
        throw new HeadRefused(
          'FORBIDDEN',
          `The ${witness} service does not witness the ${service} service's log.`,
        );
      }
      const verified = await keys.verifyWithKey(service, jwt, { typ: CHAIN_HEAD_TYP, audience: witness });
      head = chainHeadOf(service, verified.payload);
      publicJwk = verified.publicJwk;
    } catch (error) {
      if (error instanceof MalformedHead) throw new HeadRefused('BAD_USER_INPUT', error.message);
      if (error instanceof SignatureRefused) throw new HeadRefused('FORBIDDEN', error.message);
      throw error;
    }
    const row = { ...head, jwt, kid: publicJwk.kid ?? '', publicJwk };
    return this.keep(row);
  }

  private async keep(
    row: ChainHead & { jwt: string; kid: string; publicJwk: object },
  ): Promise<WitnessOutcome> {
    const { db, table } = this.options;
    const head: ChainHead = {
      service: row.service,
      position: row.position,
      hash: row.hash,
      signedAt: row.signedAt,
    };
    return db.transaction(async (tx) => {
      // One head of a service at a time, so two deliveries cannot both take a position.
      await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`witnessed_heads:${row.service}`}))`);
      const accepted = and(eq(table.service, row.service), isNull(table.refusal));
      const [same] = await tx
        .select({ hash: table.hash })
        .from(table)
        .where(and(accepted, eq(table.position, row.position)))
        .limit(1);
      if (same?.hash === row.hash) return { status: 'ALREADY_HELD', head } as const;
      const [movedBack] = same
        ? []
        : await tx
            .select({ position: table.position })
            .from(table)
            .where(
              and(
                accepted,
                or(
                  and(gt(table.position, row.position), lt(table.signedAt, row.signedAt)),
                  and(lt(table.position, row.position), gt(table.signedAt, row.signedAt)),
                ),
              ),
            )
            .limit(1);
      const refusal = same
        ? `position ${row.position} was witnessed with another hash (${same.hash})`
        : movedBack
          ? `the chain moved back: position ${movedBack.position} was witnessed in the other order of time`
          : null;
      await tx.insert(table).values({ ...row, refusal });
      return refusal
        ? ({ status: 'CONTRADICTED', head, refusal } as const)
        : ({ status: 'ACCEPTED', head } as const);
    });
  }
}

function refuse(reply: FastifyReply, status: number, code: string, message: string) {
  return reply
    .code(status)
    .type('application/json')
    .send({ errors: [{ message, extensions: { code } }] });
}

/**
 * `POST /internal/witness/heads`, body the signed head (compact JWT, `text/plain`). Open to the
 * internal network: the signature, not the caller's address, decides what is kept.
 */
export function mountHeadWitness(app: FastifyInstance, witness: HeadWitness, logger: Logger): void {
  app.post(WITNESS_PATH, { bodyLimit: 8 * 1024 }, async (request, reply) => {
    const jwt = typeof request.body === 'string' ? request.body.trim() : '';
    if (!jwt)
      return refuse(reply, 400, 'BAD_USER_INPUT', 'The body must be a signed chain head (text/plain).');
    try {
      const outcome = await witness.receive(jwt);
      const { service, position, hash } = outcome.head;
      if (outcome.status === 'CONTRADICTED') {
        logger.error(
          { service, position, hash, refusal: outcome.refusal },
          'a chain head contradicts a witnessed one',
        );
        return refuse(reply, 409, 'CONFLICT', `Refused: ${outcome.refusal}. The head is kept as evidence.`);
      }
      return reply
        .code(outcome.status === 'ACCEPTED' ? 201 : 200)
        .send({ status: outcome.status, service, position, hash });
    } catch (error) {
      if (!(error instanceof HeadRefused)) throw error;
      logger.warn({ reason: error.message }, 'a chain head was refused');
      return refuse(reply, error.code === 'FORBIDDEN' ? 403 : 400, error.code, error.message);
    }
  });
}
