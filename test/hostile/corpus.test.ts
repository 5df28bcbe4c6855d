import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAccessChain } from '../../shared/audit/verify.js';
import type { Database } from '../../shared/db/database.js';
import { buildAccessWorld, type AccessWorld } from '../helpers/access-world.js';
import { dataOf, startTestHub, type TestHub } from '../helpers/hub.js';
import { CORPUS, type Actor, type HostileEntry } from './corpus.js';
import { REGISTER, validRegistration } from './corpus/domain.js';
import { graphqlErrors, leaksIn, send, STABLE_CODES, type Exchange } from './exchange.js';
import {
  accessLogPositions,
  isAccessLog,
  resnapshot,
  snapshotDatabase,
  type DatabaseSnapshot,
} from './snapshot.js';

let hub: TestHub;
let db: Database;
let tokens: Record<Exclude<Actor, 'anonymous'>, string>;
let values: Record<string, string>;
let before: DatabaseSnapshot;
let world: AccessWorld;

/** The same claims as a real token, with a changed payload or no signature at all. */
function forgeries(token: string): { tamperedToken: string; noneToken: string } {
  const [header = '', payload = ''] = token.split('.');
  const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>;
  const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const elevated = encode({ ...claims, kind: 'MINISTRY', scope: 'workers:read pii:read audit:read' });
  return {
    tamperedToken: `${header}.${elevated}.${token.split('.')[2] ?? ''}`,
    noneToken: `${encode({ alg: 'none', typ: 'JWT' })}.${payload}.`,
  };
}

beforeAll(async () => {
  hub = await startTestHub();
  db = hub.stores.labour.db;
  world = await buildAccessWorld(hub);
  const { malang, blitar, caseOfficer, trainer, campus } = world.clients;
  const [office, otherOffice, ministry, trainerToken, campusToken] = await Promise.all(
    [malang, blitar, caseOfficer, trainer, campus].map((client) => client.token()),
  );
  tokens = {
    office: office!,
    otherOffice: otherOffice!,
    ministry: ministry!,
    trainer: trainerToken!,
    campus: campusToken!,
  };
  const program = await campus.query<{ mentoringProgram: { university: { id: string } } }>(
    'query($id: ID!) { mentoringProgram(id: $id) { university { id } } }',
    { id: world.ids.programId },
  );
  values = {
    ...world.ids,
    hiddenWorkerId: world.ids.blitarWorkerId,
    universityId: dataOf(program).mentoringProgram.university.id,
    consentId: world.ids.trainingConsentId,
    workerIdHex: world.ids.workerId.replaceAll('-', ''),
    trainerInstitutionId: trainer.institutionId,
    officeToken: tokens.office,
    ...forgeries(tokens.office),
  };
  before = await snapshotDatabase(db);
});
afterAll(async () => {
  await hub.close();
});

/** The rules every entry obeys, whatever it is. */
function expectSafe(entry: HostileEntry, exchange: Exchange): void {
  const { status, text, body } = exchange;
  const context = `${status} ${text.slice(0, 600)}`;
  expect(status, context).toBeGreaterThanOrEqual(200);
  expect(status, context).toBeLessThan(500);
  expect(status < 300 || status >= 400, context).toBe(true);
  expect(leaksIn(text, exchange.requestText), context).toEqual([]);
  const errors = graphqlErrors(body);
  if (status < 300) {
    expect(errors, `a 2xx answer is a GraphQL response: ${context}`).not.toBeNull();
    if (errors?.length === 0) {
      expect(entry.expect?.answer, `accepted without an error: ${context}`).toBeDefined();
    }
  }
  for (const error of errors ?? []) {
    expect([...STABLE_CODES], context).toContain(error.extensions?.code);
  }
}

/** What the entry itself says it must get. */
function expectAsDeclared(entry: HostileEntry, exchange: Exchange): void {
  const expectation = entry.expect ?? {};
  const context = `${exchange.status} ${exchange.text.slice(0, 600)}`;
  const errors = graphqlErrors(exchange.body) ?? [];
  if (expectation.status !== undefined) expect(exchange.status, context).toBe(expectation.status);
  if (expectation.codes) {
    expect(errors.length, context).toBeGreaterThan(0);
    for (const error of errors) expect(expectation.codes, context).toContain(error.extensions?.code);
  }
  if (expectation.field) {
    const named = errors.flatMap((error) => [
      error.extensions?.field,
      ...(error.extensions?.issues ?? []).map((issue) => issue.field),
    ]);
    expect(named, context).toContain(expectation.field);
  }
  if (expectation.answer !== undefined) {
    expect(exchange.status, context).toBe(200);
    expect(errors, context).toEqual([]);
    const data = (exchange.body as { data?: unknown }).data;
    if (expectation.answer === true) expect(data, context).toBeTypeOf('object');
    else expect(data, context).toEqual(expectation.answer);
  }
}

describe('hostile and malformed requests to the gateway', () => {
  it('has at least 200 entries, each with a title of its own', () => {
    expect(CORPUS.length).toBeGreaterThanOrEqual(200);
    const titles = CORPUS.map((entry) => `${entry.category}: ${entry.title}`);
    expect(titles.filter((title, index) => titles.indexOf(title) !== index)).toEqual([]);
  });

  // One test per entry, named in full (it.each would cut long titles short in reports).
  for (const entry of CORPUS) {
    it(`${entry.category}: ${entry.title}`, async () => {
      const actor = entry.as ?? 'office';
      const token = actor === 'anonymous' ? null : tokens[actor];
      const exchange = await send(hub.gatewayUrl, entry.request, values, token);
      expectSafe(entry, exchange);
      expectAsDeclared(entry, exchange);
    });
  }
});

describe('after the corpus', () => {
  it('left every table byte for byte as it was (access logs: the rows that were there)', async () => {
    const after = await resnapshot(db, before);
    expect(Object.keys(after)).toEqual(Object.keys(before));
    expect(after).toEqual(before);
  });

  it('only appended to the access logs, whose chains are intact', async () => {
    for (const table of Object.keys(before).filter(isAccessLog)) {
      const [schema] = table.split('.') as [string];
      const positions = await accessLogPositions(db, schema);
      expect(positions.first).toBe(1);
      expect(positions.last).toBe(positions.rows);
      expect(positions.last).toBeGreaterThanOrEqual(before[table]?.upTo ?? 0);
      const report = await verifyAccessChain(db, schema);
      expect(report.broken).toBeNull();
      expect(report.checked).toBe(positions.rows);
    }
  });

  it('keeps every service alive and ready', async () => {
    for (const path of ['/health', '/ready']) {
      expect((await fetch(`${hub.gatewayUrl}${path}`)).status, path).toBe(200);
    }
    for (const [name, url] of Object.entries(hub.subgraphUrls)) {
      expect((await fetch(url.replace(/\/graphql$/, '/ready'))).status, name).toBe(200);
    }
  });

  it('still writes a valid registration, which changes exactly one row of one table besides the log and the statistics it feeds', async () => {
    const start = await snapshotDatabase(db);
    const written = dataOf(
      await world.clients.malang.query<{ registerWorker: { id: string } }>(REGISTER, {
        input: validRegistration,
      }),
    );
    expect(written.registerWorker.id).toMatch(/^[0-9a-f-]{36}$/);
    const end = await resnapshot(db, start);
    const changed = Object.keys(start).filter((table) => start[table]?.digest !== end[table]?.digest);
    // The rollup of the registrations is kept by the workers table's own triggers (stat-cells.ts).
    expect(changed).toEqual(['labour.stat_cells', 'labour.stat_subject_cells', 'labour.workers']);
    expect(end['labour.workers']?.rows).toBe((start['labour.workers']?.rows ?? 0) + 1);
    expect((await accessLogPositions(db, 'labour')).last).toBeGreaterThan(
      start['labour.access_events']?.upTo ?? 0,
    );
  });
});
