import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postgresStore, type Store } from '../shared/db/database.js';
import { migrate } from '../shared/db/migrations.js';
import { databaseUrl } from '../shared/testing/database.js';
import { runPsqlScript } from './helpers/psql-script.js';

// The production shape's least privilege (docker/postgres/service-database.sql), on the real
// server: each service's own login role migrates and uses its own database and nothing else.
// Roles belong to the whole server, so this run's roles and databases carry a name of their own.

const ADMIN_URL = process.env['DATABASE_URL'];
const SCRIPT = readFileSync(new URL('../docker/postgres/service-database.sql', import.meta.url), 'utf8');
const RUN = `roles_${randomBytes(4).toString('hex')}`;
const SERVICES = ['labour', 'ministry'] as const;
type Service = (typeof SERVICES)[number];

const role = (service: Service) => `${RUN}_${service}_service`;
const database = (service: Service) => `${RUN}_${service}`;
const password = (service: Service) => `${RUN}-${service}-password`;

/** The URL a service connects with: its own role, as in docker-compose.yml. */
function serviceUrl(service: Service, target: Service = service): string {
  const url = new URL(databaseUrl(ADMIN_URL ?? '', database(target)));
  url.username = role(service);
  url.password = password(service);
  return url.toString();
}

/** The SQLSTATE a statement fails with (or null) when run as `service`'s role in `target`'s database. */
async function codeAs(service: Service, target: Service, statement: string): Promise<string | null> {
  // The administrator takes on the role inside the database: this skips the CONNECT check (shown
  // separately) so the schema's and tables' own privileges are what is tested.
  const admin = postgres(databaseUrl(ADMIN_URL ?? '', database(target)), { max: 1, onnotice: () => {} });
  try {
    await admin.begin(async (sql) => {
      await sql.unsafe(`set local role "${role(service)}"`);
      await sql.unsafe(statement);
    });
    return null;
  } catch (error) {
    return (error as { code?: string }).code ?? String(error);
  } finally {
    await admin.end({ timeout: 5 });
  }
}

describe.skipIf(!ADMIN_URL)('one PostgreSQL role per service (real server only)', () => {
  const stores = new Map<Service, Store>();
  let admin: postgres.Sql;

  beforeAll(async () => {
    admin = postgres(ADMIN_URL ?? '', { max: 1, onnotice: () => {} });
    for (const service of SERVICES) {
      await runPsqlScript(
        SCRIPT,
        { role: role(service), database: database(service), password: password(service) },
        ADMIN_URL ?? '',
      );
      const store = postgresStore({
        url: serviceUrl(service),
        poolSize: 2,
        applicationName: `${RUN}-${service}`,
      });
      stores.set(service, store);
      await migrate(store, service);
    }
  });

  afterAll(async () => {
    for (const store of stores.values()) await store.close();
    for (const service of SERVICES) {
      await admin?.unsafe(`drop database if exists "${database(service)}" with (force)`);
      await admin?.unsafe(`drop role if exists "${role(service)}"`);
    }
    await admin?.end({ timeout: 5 });
  });

  it('makes roles that can log in and do nothing else server-wide', async () => {
    const rows = await admin<{ rolname: string; powers: boolean }[]>`
      select rolname, (rolsuper or rolcreaterole or rolcreatedb or rolreplication or rolbypassrls) as powers
      from pg_roles where rolname in ${admin(SERVICES.map(role))} order by rolname`;
    expect(rows).toEqual(SERVICES.map((service) => ({ rolname: role(service), powers: false })));
  });

  it('lets a service migrate, own and use its own schema', async () => {
    const labour = postgres(serviceUrl('labour'), { max: 1, onnotice: () => {} });
    try {
      const owners = await labour<{ owner: string; tables: number }[]>`
        select tableowner as owner, count(*)::int as tables from pg_tables
        where schemaname in ('labour', 'drizzle') group by tableowner`;
      expect(owners).toEqual([{ owner: role('labour'), tables: expect.any(Number) as number }]);
      expect(owners[0]?.tables).toBeGreaterThan(5);
      const [applied] = await labour<
        { count: number }[]
      >`select count(*)::int as count from drizzle.labour_migrations`;
      expect(applied?.count).toBeGreaterThan(0);
      await labour.unsafe('create table labour.role_check (id int primary key)');
      await labour.unsafe('insert into labour.role_check values (1)');
      expect(await labour.unsafe('select id from labour.role_check')).toEqual([{ id: 1 }]);
      await labour.unsafe('drop table labour.role_check');
      const [workers] = await labour<{ count: number }[]>`select count(*)::int as count from labour.workers`;
      expect(workers?.count).toBe(0);
    } finally {
      await labour.end({ timeout: 5 });
    }
  });

  it('refuses a service a connection to another service’s database', async () => {
    const intruder = postgres(serviceUrl('labour', 'ministry'), { max: 1, onnotice: () => {} });
    try {
      await expect(intruder`select 1`).rejects.toMatchObject({ code: '42501' });
    } finally {
      await intruder.end({ timeout: 5 });
    }
  });

  it('refuses a service every read and write of another service’s schema, even inside its database', async () => {
    const ministry = postgres(serviceUrl('ministry'), { max: 1, onnotice: () => {} });
    const [table] = await ministry<{ name: string }[]>`
      select format('%I.%I', schemaname, tablename) as name from pg_tables
      where schemaname = 'ministry' order by tablename limit 1`.finally(() => ministry.end({ timeout: 5 }));
    expect(table?.name).toMatch(/^ministry\./);
    const name = table?.name ?? '';
    for (const statement of [
      `select * from ${name}`,
      `insert into ${name} default values`,
      `delete from ${name}`,
      `create table ministry.intruder (id int)`,
      `select * from drizzle.ministry_migrations`,
      `create table public.intruder (id int)`,
    ]) {
      expect(await codeAs('labour', 'ministry', statement), statement).toBe('42501');
    }
    // The same statement as the schema's own role succeeds: the refusal is about who asks.
    expect(await codeAs('ministry', 'ministry', `select * from ${name}`)).toBeNull();
  });

  it('gives nobody the public schema, not even the database’s own service', async () => {
    expect(await codeAs('labour', 'labour', 'create table public.anything (id int)')).toBe('42501');
    const inLabour = postgres(databaseUrl(ADMIN_URL ?? '', database('labour')), {
      max: 1,
      onnotice: () => {},
    });
    const [privileges] = await inLabour<{ usage: boolean; create: boolean }[]>`
      select has_schema_privilege(${role('labour')}, 'public', 'USAGE') as usage,
             has_schema_privilege(${role('labour')}, 'public', 'CREATE') as create`.finally(() =>
      inLabour.end({ timeout: 5 }),
    );
    expect(privileges).toEqual({ usage: false, create: false });
  });
});
