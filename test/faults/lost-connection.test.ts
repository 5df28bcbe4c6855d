import { sql } from 'drizzle-orm';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isConnectionFailure, selectRows, type Store } from '../../shared/db/database.js';
import { createTestDatabase, type TestDatabase } from '../../shared/testing/database.js';
import { suiteTitle, WITHOUT_POSTGRES } from './processes.js';

// The smallest lost connection: the server ends the backend of a transaction in flight (as a
// restart or an operator's pg_terminate_backend does). The driver must report it as an error the
// service can answer with, never take the process down, and leave its pool usable.

describe.skipIf(WITHOUT_POSTGRES !== null)(
  suiteTitle('a transaction whose connection is lost', WITHOUT_POSTGRES),
  () => {
    let database: TestDatabase;
    let store: Store;
    let admin: postgres.Sql;

    beforeAll(async () => {
      database = await createTestDatabase();
      store = database.store();
      admin = postgres(process.env['DATABASE_URL'] ?? '', { max: 1, onnotice: () => {} });
    });
    afterAll(async () => {
      await admin?.end({ timeout: 5 });
      await database?.close();
    });

    it('fails with a connection error, and the process and the pool carry on', async () => {
      for (let round = 0; round < 3; round += 1) {
        let backend: number | undefined;
        const transaction = store.db.transaction(async (tx) => {
          const [row] = await selectRows<{ pid: number }>(tx, sql`select pg_backend_pid() as pid`);
          backend = row?.pid;
          await tx.execute(sql`select pg_sleep(10)`);
        });
        const outcome = transaction.then(
          () => null,
          (error: unknown) => error,
        );
        while (backend === undefined) await new Promise((resolve) => setTimeout(resolve, 20));
        await admin`select pg_terminate_backend(${backend})`;

        const error = await outcome;
        expect(isConnectionFailure(error), String(error)).toBe(true);
        // The pool reconnects. The driver fails the first statement on the reconnected connection
        // with the stale shutdown error (a clean, retryable failure); after that all is well.
        const failures: unknown[] = [];
        let fullBatch = false;
        for (let batch = 0; batch < 5 && !fullBatch; batch += 1) {
          const settled = await Promise.allSettled(
            [1, 2, 3, 4].map((n) =>
              store.db.transaction(async (tx) => selectRows<{ n: number }>(tx, sql`select ${n}::int as n`)),
            ),
          );
          for (const result of settled) if (result.status === 'rejected') failures.push(result.reason);
          fullBatch = settled.every(
            (result, index) => result.status === 'fulfilled' && result.value[0]?.n === index + 1,
          );
        }
        expect(fullBatch).toBe(true);
        expect(failures.length).toBeLessThanOrEqual(1);
        expect(failures.filter((failure) => !isConnectionFailure(failure))).toEqual([]);
      }
    });
  },
);
