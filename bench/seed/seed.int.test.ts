import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAccessChain } from '../../shared/audit/verify.js';
import { loadConfig } from '../../shared/config.js';
import { postgresStore, type Store } from '../../shared/db/database.js';
import { checkRollup } from '../../shared/db/stat-cells-check.js';
import type { SubgraphFactory } from '../../shared/http/subgraph.js';
import { findRegion, hasListedChildren } from '../../shared/reference/regions.js';
import { bearer, postGraphQL } from '../../shared/testing/graphql-client.js';
import { createTestIssuer, type TestIdentity } from '../../shared/testing/tokens.js';
import { decodeNik, nikProblem } from '../../shared/validation/nik.js';
import { createSubgraph as createLabour } from '../../subgraphs/labour/server.js';
import { createSubgraph as createMinistry } from '../../subgraphs/ministry/server.js';
import { rollupSource as labourRollup } from '../../subgraphs/labour/db/queries/stats.js';
import { rollupSource as ministryRollup } from '../../subgraphs/ministry/db/queries/stats.js';
import { rollupSource as trainingRollup } from '../../subgraphs/training/db/queries/stats.js';
import { rollupSource as universityRollup } from '../../subgraphs/university/db/queries/stats.js';
import { consistencyViolations } from './consistency.js';
import { benchFixtures, seedBench, seededWorkers, type BenchFixtures, type SeedSummary } from './index.js';

const serverUrl = process.env['DATABASE_URL'];
const WORKERS = 300;
const SUBGRAPHS = ['labour', 'ministry', 'training', 'university'] as const;

function databaseUrlFor(name: string): string {
  const url = new URL(serverUrl ?? 'postgres://localhost/postgres');
  url.pathname = `/${name}`;
  return url.toString();
}

describe.skipIf(!serverUrl)(
  serverUrl ? 'the scale seed' : 'the scale seed (skipped: set DATABASE_URL to a PostgreSQL server)',
  () => {
    const name = `migran_bench_test_${randomBytes(5).toString('hex')}`;
    const url = databaseUrlFor(name);
    let sql: postgres.Sql;
    let summary: SeedSummary;
    let fixtures: BenchFixtures;
    const count = async (table: string) => {
      const [row] = await sql.unsafe<{ rows: string }[]>(`select count(*) as rows from ${table}`);
      return Number(row?.rows ?? 0);
    };

    // What the data looks like, table by table, to tell whether a second seed wrote the same.
    const fingerprint = async () => {
      const prints: Record<string, string> = {};
      for (const table of Object.keys(summary.rows)) {
        const [row] = await sql.unsafe<{ print: string }[]>(
          `select md5(string_agg(t::text, '|' order by t::text)) as print from ${table} t`,
        );
        prints[table] = row?.print ?? '';
      }
      return prints;
    };
    let firstPrint: Record<string, string>;

    beforeAll(async () => {
      summary = await seedBench({ databaseUrl: url, workers: WORKERS });
      sql = postgres(url, { max: 2, onnotice: () => {} });
      fixtures = await benchFixtures(url);
      firstPrint = await fingerprint();
    });

    afterAll(async () => {
      await sql?.end();
      const admin = postgres(databaseUrlFor('postgres'), { max: 1, onnotice: () => {} });
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    });

    it('fills every table in the proportions of a real register, and reports what it wrote', async () => {
      for (const [table, rows] of Object.entries(summary.rows)) {
        // The region table also holds the reference data its migration loads; the seed adds generated ones.
        const written = table === 'ministry.regions' ? `${table} where name like '%(generated)'` : table;
        expect([table, await count(written)]).toEqual([table, rows]);
      }
      const per = (table: string) => (summary.rows[table] ?? 0) / WORKERS;
      expect(summary.rows['labour.workers']).toBe(WORKERS);
      expect(per('labour.documents')).toBeGreaterThan(3);
      expect(per('labour.placements')).toBeGreaterThan(0.6);
      expect(per('labour.placements')).toBeLessThanOrEqual(1);
      expect(per('labour.consents')).toBeGreaterThan(0.8);
      expect(per('labour.consents')).toBeLessThan(2);
      expect(per('ministry.cases')).toBeGreaterThan(0.01);
      expect(per('ministry.cases')).toBeLessThan(0.1);
      expect(per('training.enrollments')).toBeGreaterThan(0.3);
      expect(per('training.certifications')).toBeGreaterThan(0.15);
      expect(summary.rows['university.session_participants']).toBeGreaterThan(0);
      const events = SUBGRAPHS.reduce(
        (sum, subgraph) => sum + (summary.rows[`${subgraph}.access_events`] ?? 0),
        0,
      );
      expect(events / WORKERS).toBeGreaterThanOrEqual(2);
      expect(events / WORKERS).toBeLessThanOrEqual(5);
      const regencies = await sql<{ regencies: string }[]>`
        select count(distinct left(district_code, 5)) as regencies from labour.workers`;
      expect(Number(regencies[0]?.regencies)).toBeGreaterThan(20);
      const kecamatan = await sql<{ kecamatan: string }[]>`
        select count(distinct district_code) as kecamatan from labour.workers where district_code like '35.02.%'`;
      expect(Number(kecamatan[0]?.kecamatan)).toBeGreaterThan(1);
    });

    it('gives every worker a unique, valid NIK that matches their kecamatan, birth date and sex', async () => {
      const workers = await sql<
        { nik: string; sex: string; birthDate: string; districtCode: string; villageCode: string }[]
      >`
        select nik, sex, birth_date::text as "birthDate", district_code as "districtCode", village_code as "villageCode"
        from labour.workers`;
      expect(new Set(workers.map((worker) => worker.nik)).size).toBe(WORKERS);
      for (const worker of workers) {
        expect([worker.nik, nikProblem(worker.nik)]).toEqual([worker.nik, null]);
        const parts = decodeNik(worker.nik);
        const [year = '', month = '', day = ''] = worker.birthDate.split('-');
        expect(parts.issuingDistrictCode).toBe(worker.districtCode);
        expect([parts.birthDay, parts.birthMonth, parts.birthYearShort]).toEqual([
          Number(day),
          Number(month),
          Number(year.slice(2)),
        ]);
        expect(parts.sex).toBe(worker.sex);
        expect(worker.districtCode.startsWith('35.')).toBe(true);
        // Where the reference data lists a regency's kecamatan and villages, the seed uses exactly those.
        if (hasListedChildren(worker.districtCode))
          expect(findRegion(worker.villageCode)?.level).toBe('VILLAGE');
        if (hasListedChildren(worker.districtCode.slice(0, 5)))
          expect(findRegion(worker.districtCode)?.level).toBe('DISTRICT');
      }
      // Serials spread as the civil registry's do: mostly small, seldom 0001 for everyone.
      const firstSerials = workers.filter((worker) => worker.nik.endsWith('0001')).length;
      expect(firstSerials / workers.length).toBeLessThan(0.5);
      expect(workers.some((worker) => Number(worker.nik.slice(12)) >= 10)).toBe(true);
    });

    it('keeps every reference consistent, within a subgraph and across subgraphs', async () => {
      expect(await consistencyViolations(sql)).toEqual({});
    });

    it('chains every access log so that audit verification passes', async () => {
      const store = postgresStore({ url, poolSize: 1, applicationName: 'bench-seed-test' });
      try {
        for (const subgraph of SUBGRAPHS) {
          const report = await verifyAccessChain(store.db, subgraph);
          expect(report).toEqual({
            schema: subgraph,
            checked: summary.rows[`${subgraph}.access_events`],
            broken: null,
          });
        }
      } finally {
        await store.close();
      }
    });

    it('counts the statistics rollups of the loaded rows, equal to counting the rows', async () => {
      const store = postgresStore({ url, poolSize: 1, applicationName: 'bench-seed-test' });
      try {
        for (const source of [labourRollup, ministryRollup, trainingRollup, universityRollup]) {
          const check = await checkRollup(store.db, source);
          expect(check.cells, source.schema).toBeGreaterThan(0);
          expect(check.differences, source.schema).toEqual([]);
          expect(check.shareDifferences, source.schema).toEqual([]);
        }
      } finally {
        await store.close();
      }
    });

    it('answers seededWorkers for a finished seed and null for a database never seeded', async () => {
      expect(await seededWorkers(url)).toBe(WORKERS);
      expect(await seededWorkers(databaseUrlFor(`${name}_missing`))).toBeNull();
    });

    it('names fixtures that exist and fit the workloads', async () => {
      expect(fixtures.labourOffice.regionCode).toBe('35.07');
      expect(fixtures.kecamatanCode.startsWith('35.07.')).toBe(true);
      const [worker] = await sql<
        { documents: string; placements: string; cases: string; district: string }[]
      >`
        select (select count(*) from labour.documents where worker_id = w.id) as documents,
               (select count(*) from labour.placements where worker_id = w.id) as placements,
               (select count(*) from ministry.cases where worker_id = w.id) as cases, w.district_code as district
        from labour.workers w where w.id = ${fixtures.worker.id} and w.nik = ${fixtures.worker.nik}`;
      expect(Number(worker?.documents)).toBeGreaterThanOrEqual(2);
      expect(Number(worker?.placements)).toBeGreaterThanOrEqual(1);
      expect(Number(worker?.cases)).toBeGreaterThanOrEqual(1);
      expect(worker?.district.startsWith('35.07.')).toBe(true);
      const kinds = await sql<
        { id: string; kind: string }[]
      >`select id::text as id, kind::text as kind from ministry.institutions`;
      const kindOf = new Map(kinds.map((row) => [row.id, row.kind]));
      expect(kindOf.get(fixtures.ministryInstitutionId)).toBe('MINISTRY');
      expect(kindOf.get(fixtures.trainingProviderInstitutionId)).toBe('TRAINING_PROVIDER');
      expect(kindOf.get(fixtures.university.institutionId)).toBe('UNIVERSITY');
      expect(fixtures.year).toBeGreaterThanOrEqual(2022);
      expect(fixtures.year).toBeLessThanOrEqual(2026);
    });

    describe("through the hub's own subgraphs", () => {
      const stores: Store[] = [];
      const closers: (() => Promise<void>)[] = [];
      let issuer: Awaited<ReturnType<typeof createTestIssuer>>;
      const urls: Record<string, string> = {};

      async function start(label: string, factory: SubgraphFactory) {
        const store = postgresStore({ url, poolSize: 2, applicationName: `bench-seed-test-${label}` });
        stores.push(store);
        const config = loadConfig({
          NODE_ENV: 'test',
          LOG_LEVEL: 'silent',
        });
        const service = await factory({
          store,
          config,
          verifyToken: issuer.verifier,
          graph: { execute: () => Promise.reject(new Error('this test runs without a gateway')) },
        });
        urls[label] = `${await service.listen(0, '127.0.0.1')}/graphql`;
        closers.push(() => service.close());
      }

      async function ask<TData>(
        label: string,
        identity: TestIdentity,
        query: string,
        variables: Record<string, unknown> = {},
      ) {
        const response = await postGraphQL<TData>(
          urls[label] ?? '',
          query,
          variables,
          bearer(await issuer.token(identity)),
        );
        expect(response.errors).toEqual([]);
        return response.data as TData;
      }

      beforeAll(async () => {
        issuer = await createTestIssuer();
        await start('labour', createLabour);
        await start('ministry', createMinistry);
      });

      afterAll(async () => {
        for (const close of closers) await close();
        for (const store of stores) await store.close();
      });

      it('lets the labour office list the workers of its busiest kecamatan and look one up by NIK', async () => {
        const office: TestIdentity = {
          kind: 'LABOUR_OFFICE',
          institutionId: fixtures.labourOffice.institutionId,
          regionCode: '35.07',
        };
        const listed = await ask<{
          workers: { totalCount: number; edges: { node: { districtCode: string } }[] };
        }>(
          'labour',
          office,
          'query ($region: String) { workers(filter: { regionCode: $region }, first: 100) { totalCount edges { node { districtCode } } } }',
          { region: fixtures.kecamatanCode },
        );
        expect(listed.workers.totalCount).toBe(
          await countWhere('labour.workers', 'district_code', fixtures.kecamatanCode),
        );
        expect(listed.workers.edges.every((edge) => edge.node.districtCode === fixtures.kecamatanCode)).toBe(
          true,
        );
        const found = await ask<{
          workerByNik: { id: string; documents: unknown[]; placements: { destinationCountry: string }[] };
        }>(
          'labour',
          office,
          'query ($nik: String!) { workerByNik(nik: $nik) { id documents { type status } placements { destinationCountry } } }',
          { nik: fixtures.worker.nik },
        );
        expect(found.workerByNik.id).toBe(fixtures.worker.id);
        expect(found.workerByNik.documents.length).toBeGreaterThanOrEqual(2);
        expect(found.workerByNik.placements.length).toBeGreaterThanOrEqual(1);
      });

      it('lets the ministry read the worker and the cases of the pilot regency, and the reads extend the seeded chains', async () => {
        const ministry: TestIdentity = { kind: 'MINISTRY', institutionId: fixtures.ministryInstitutionId };
        const worker = await ask<{ worker: { nik: string } }>(
          'labour',
          ministry,
          'query ($id: ID!) { worker(id: $id) { nik } }',
          {
            id: fixtures.worker.id,
          },
        );
        expect(worker.worker.nik).toBe(fixtures.worker.nik);
        const cases = await ask<{ cases: { totalCount: number } }>(
          'ministry',
          ministry,
          'query { cases(filter: { regionCode: "35.07" }, first: 50) { totalCount edges { node { reference status } } } }',
        );
        const [expected] = await sql<
          { rows: string }[]
        >`select count(*) as rows from ministry.cases where worker_district_code like '35.07.%'`;
        expect(cases.cases.totalCount).toBe(Number(expected?.rows));
        const store = postgresStore({ url, poolSize: 1, applicationName: 'bench-seed-test-verify' });
        try {
          for (const subgraph of ['labour', 'ministry'] as const) {
            const report = await verifyAccessChain(store.db, subgraph);
            expect(report.broken).toBeNull();
            expect(report.checked).toBeGreaterThan(summary.rows[`${subgraph}.access_events`] ?? 0);
          }
        } finally {
          await store.close();
        }
      });

      async function countWhere(table: string, column: string, value: string): Promise<number> {
        const [row] = await sql.unsafe<{ rows: string }[]>(
          `select count(*) as rows from ${table} where ${column} = $1`,
          [value],
        );
        return Number(row?.rows ?? 0);
      }
    });

    it('writes the same data again when seeded again with the same number of workers', async () => {
      const again = await seedBench({ databaseUrl: url, workers: WORKERS });
      expect(again.rows).toEqual(summary.rows);
      expect(await fingerprint()).toEqual(firstPrint);
      expect(await seededWorkers(url)).toBe(WORKERS);
    });
  },
);
