import { once } from 'node:events';
import { finished } from 'node:stream/promises';
import type { Writable } from 'node:stream';
import postgres from 'postgres';

export type CopyValue = string | number | boolean | null | readonly string[];

const SPECIAL = /[\\\t\n\r]/;

/** One value in COPY's text format: `\N` for null, backslash escapes, `{...}` for arrays. */
function copyText(value: CopyValue): string {
  if (value === null) return '\\N';
  if (typeof value === 'string') {
    return SPECIAL.test(value)
      ? value.replaceAll('\\', '\\\\').replaceAll('\t', '\\t').replaceAll('\n', '\\n').replaceAll('\r', '\\r')
      : value;
  }
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return value ? 't' : 'f';
  // Every element quoted, so spaces and commas inside one stay inside it.
  const literal = `{${value.map((item) => `"${item.replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"`).join(',')}}`;
  return copyText(literal);
}

const FLUSH_AT = 1 << 18;

/**
 * A `COPY ... FROM STDIN` into one table on its own connection, fed row by row. Rows are buffered
 * and written in large chunks; `flush` waits when PostgreSQL is behind, so memory stays bounded.
 * The session runs with `session_replication_role = replica`: foreign-key and access-log triggers
 * stay quiet during the bulk load (the seed writes consistent rows and chains the log itself).
 */
export class CopyStream {
  rows = 0;
  private buffer = '';
  private writable: Writable | null = null;
  private readonly client: postgres.Sql;

  constructor(
    databaseUrl: string,
    private readonly table: string,
    private readonly columns: readonly string[],
  ) {
    this.client = postgres(databaseUrl, {
      max: 1,
      onnotice: () => {},
      connection: { application_name: `bench-seed ${table}` },
      // A server busy checkpointing millions of fresh rows can be slow to accept a connection.
      connect_timeout: 120,
    });
  }

  async open(): Promise<void> {
    await this.client`set session_replication_role = replica`;
    const columns = this.columns.map((column) => `"${column}"`).join(', ');
    this.writable = await this.client.unsafe(`copy ${this.table} (${columns}) from stdin`).writable();
  }

  row(values: readonly CopyValue[]): void {
    let line = '';
    for (let index = 0; index < values.length; index += 1) {
      if (index > 0) line += '\t';
      line += copyText(values[index] ?? null);
    }
    this.buffer += `${line}\n`;
    this.rows += 1;
  }

  /** Hands buffered rows to the connection once there are enough, waiting while it drains. */
  async flush(force = false): Promise<void> {
    if (!this.writable) throw new Error(`COPY into ${this.table} is not open`);
    if (this.buffer.length === 0 || (!force && this.buffer.length < FLUSH_AT)) return;
    const chunk = this.buffer;
    this.buffer = '';
    if (!this.writable.write(chunk)) await once(this.writable, 'drain');
  }

  /** Ends the COPY (PostgreSQL commits it) and closes the connection. */
  async close(): Promise<void> {
    const writable = this.writable;
    if (!writable) throw new Error(`COPY into ${this.table} is not open`);
    await this.flush(true);
    writable.end();
    await finished(writable);
    await this.client.end();
  }

  /** Abandons the COPY after a failure elsewhere. */
  async abort(): Promise<void> {
    this.writable?.destroy(new Error('seed aborted'));
    await this.client.end({ timeout: 1 });
  }
}

/** Copies rows into many tables at once, one connection each. */
export class CopySet {
  private readonly streams = new Map<string, CopyStream>();

  constructor(
    private readonly databaseUrl: string,
    private readonly tables: Readonly<Record<string, readonly string[]>>,
  ) {}

  async open(): Promise<void> {
    for (const [table, columns] of Object.entries(this.tables)) {
      this.streams.set(table, new CopyStream(this.databaseUrl, table, columns));
    }
    await Promise.all([...this.streams.values()].map((stream) => stream.open()));
  }

  to(table: string): CopyStream {
    const stream = this.streams.get(table);
    if (!stream) throw new Error(`no COPY open into ${table}`);
    return stream;
  }

  async flush(): Promise<void> {
    for (const stream of this.streams.values()) await stream.flush();
  }

  /** Closes every COPY; returns rows written per table. */
  async close(): Promise<Record<string, number>> {
    await Promise.all([...this.streams.values()].map((stream) => stream.close()));
    return Object.fromEntries([...this.streams].map(([table, stream]) => [table, stream.rows]));
  }

  async abort(): Promise<void> {
    await Promise.all([...this.streams.values()].map((stream) => stream.abort()));
  }
}
