import type { PGlite, Transaction } from '@electric-sql/pglite';
import type postgres from 'postgres';

/** Told when each statement of a store is sent and how it settled (the `/metrics` timings). */
export interface StatementTimeObserver {
  started(): void;
  finished(seconds: number, failed: boolean): void;
}

/**
 * Times the statements a store's drivers run. drizzle's logger hears of a statement only before
 * it runs, so the time comes from the driver call itself; with no observer a statement costs one
 * array length check.
 */
export class StatementClock {
  private readonly observers: StatementTimeObserver[] = [];

  observe(observer: StatementTimeObserver): void {
    this.observers.push(observer);
  }

  /** Starts the clock of one statement; the returned function stops it, once. */
  start(): (failed: boolean) => void {
    if (this.observers.length === 0) return () => undefined;
    const began = performance.now();
    for (const observer of this.observers) observer.started();
    let stopped = false;
    return (failed) => {
      if (stopped) return;
      stopped = true;
      const seconds = (performance.now() - began) / 1000;
      for (const observer of this.observers) observer.finished(seconds, failed);
    };
  }

  async time<T>(run: () => Promise<T>): Promise<T> {
    const stop = this.start();
    try {
      const result = await run();
      stop(false);
      return result;
    } catch (error) {
      stop(true);
      throw error;
    }
  }
}

/** Every other member of a driver object as it is, bound to the object (PGlite keeps private fields). */
function passThrough(target: object, property: string | symbol): unknown {
  const value: unknown = Reflect.get(target, property, target);
  return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
}

function timedPgliteTransaction(tx: Transaction, clock: StatementClock): Transaction {
  return new Proxy(tx, {
    get: (target, property) =>
      property === 'query'
        ? (...args: Parameters<Transaction['query']>) => clock.time(() => target.query(...args))
        : passThrough(target, property),
  });
}

/** A PGlite client whose `query` calls, inside transactions too, are timed on `clock`. */
export function timedPglite(client: PGlite, clock: StatementClock): PGlite {
  return new Proxy(client, {
    get: (target, property) => {
      if (property === 'query')
        return (...args: Parameters<PGlite['query']>) => clock.time(() => target.query(...args));
      if (property === 'transaction') {
        return <T>(callback: (tx: Transaction) => Promise<T>) =>
          target.transaction((tx) => callback(timedPgliteTransaction(tx, clock)));
      }
      return passThrough(target, property);
    },
  });
}

/**
 * A `postgres` query runs when it is first awaited (its `then`), after drizzle has perhaps asked
 * for `.values()`: the clock starts at `then` and the modifiers return the timed query.
 */
function timedPostgresQuery<T extends object>(query: T, clock: StatementClock): T {
  let stop: ((failed: boolean) => void) | undefined;
  const timed: T = new Proxy(query, {
    get: (target, property) => {
      if (property === 'then') {
        const then = (target as unknown as Promise<unknown>).then.bind(target);
        return (onFulfilled?: (value: unknown) => unknown, onRejected?: (reason: unknown) => unknown) => {
          stop ??= clock.start();
          const finish = stop;
          return then(
            (value) => {
              finish(false);
              return onFulfilled ? onFulfilled(value) : value;
            },
            (reason: unknown) => {
              finish(true);
              if (onRejected) return onRejected(reason);
              throw reason;
            },
          );
        };
      }
      if (property === 'values' || property === 'raw') {
        return (...args: unknown[]) => {
          (Reflect.get(target, property, target) as (...a: unknown[]) => unknown).apply(target, args);
          return timed;
        };
      }
      return passThrough(target, property);
    },
  });
  return timed;
}

/** A `postgres` client (or transaction) whose `unsafe` statements, the ones drizzle sends, are timed. */
export function timedPostgres<T extends postgres.Sql | postgres.TransactionSql>(
  client: T,
  clock: StatementClock,
): T {
  const wrapBody =
    (body: (sql: postgres.TransactionSql) => unknown) =>
    (sql: postgres.TransactionSql): unknown =>
      body(timedPostgres(sql, clock));
  return new Proxy(client, {
    get: (target, property, receiver) => {
      if (property === 'unsafe') {
        return (...args: Parameters<postgres.Sql['unsafe']>) =>
          timedPostgresQuery(target.unsafe(...args), clock);
      }
      if (property === 'begin' || property === 'savepoint') {
        const original = Reflect.get(target, property, receiver) as (...args: unknown[]) => unknown;
        return (...args: unknown[]) => {
          const body = args.pop() as (sql: postgres.TransactionSql) => unknown;
          return original.apply(target, [...args, wrapBody(body)]);
        };
      }
      return Reflect.get(target, property, receiver) as unknown;
    },
  });
}
