import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { embeddedStore, openEmbeddedPostgres } from '../shared/db/database.js';
import { workers } from '../subgraphs/labour/db/schema.js';
import { clientToken, jsonLines, startHubProcess, type HubProcess } from './helpers/hub-process.js';

let hub: HubProcess | undefined;
afterAll(async () => {
  await hub?.remove();
});

/** Every NIK, phone number and full name of the workers the demo seed wrote to labour's store. */
async function seededPersonalData(dataDir: string): Promise<string[]> {
  const client = await openEmbeddedPostgres(join(dataDir, 'pglite'));
  try {
    const rows = await embeddedStore(client)
      .db.select({ nik: workers.nik, fullName: workers.fullName, phone: workers.phone })
      .from(workers);
    expect(rows.length).toBeGreaterThanOrEqual(40);
    return rows.flatMap((row) => [row.nik, row.fullName, ...(row.phone ? [row.phone] : [])]);
  } finally {
    await client.close();
  }
}

interface LogLine {
  readonly level: number;
  readonly msg: string;
  readonly [key: string]: unknown;
}

const WORKERS = `query Workers { workers(first: 20) { edges { node { id nik fullName phone } } } }`;

describe('logs', () => {
  it('never carry a seeded NIK, phone number or name, and give one line per operation with who asked and how it ended', async () => {
    hub = await startHubProcess();
    const { base, dataDir } = hub;
    let officerInstitution = '';
    let output = '';
    try {
      const credentials = await hub.demoClients();
      const officer = credentials.find((client) => client.clientId === 'kp2mi-case-officer')!;
      officerInstitution = officer.institutionId;
      const token = await clientToken(base, officer);
      const graphql = async (body: Record<string, unknown>, authorization = `Bearer ${token}`) =>
        fetch(`${base}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization },
          body: JSON.stringify(body),
        });

      // Answers full of personal data: a page of workers, with NIK, name and phone.
      const page = (await (await graphql({ query: WORKERS })).json()) as {
        data: { workers: { edges: { node: { nik: string; fullName: string; phone: string | null } }[] } };
      };
      const [first, second] = page.data.workers.edges.map((edge) => edge.node);
      expect(first?.nik).toMatch(/^\d{16}$/);
      // Personal data in variables, in the query text, and as an operation name a client made up.
      await graphql({
        query: 'query ByNik($nik: String!) { workerByNik(nik: $nik) { id fullName phone } }',
        variables: { nik: first!.nik },
      });
      await graphql({
        query: `{ workers(filter: { nameContains: ${JSON.stringify(second!.fullName)} }) { edges { node { nik } } } }`,
      });
      await graphql({ query: `{ workerByNik(nik: "${second!.nik}") { id `, operationName: second!.fullName });
      await graphql({ query: `{ workerByNik(nik: ${second!.nik}) { id } }` });
      // Writes with a seeded NIK and name (the ministry may not register workers), one with a malformed phone.
      const registration = (nik: string, phone: string) => ({
        query: 'mutation Register($input: RegisterWorkerInput!) { registerWorker(input: $input) { id } }',
        variables: {
          input: {
            nik,
            fullName: second!.fullName,
            sex: 'FEMALE',
            birthDate: '1990-01-01',
            birthPlace: 'Malang',
            maritalStatus: 'SINGLE',
            education: 'PRIMARY',
            phone,
            address: 'Dusun Uji 1',
            villageCode: '35.07.11.2008',
          },
        },
      });
      await graphql(registration(first!.nik, first!.phone ?? '081299990000'));
      await graphql(registration(second!.nik, `x${second!.phone ?? '0812'}`));
      // A GET carries all of it in the URL.
      const query = encodeURIComponent('query($nik: String!) { workerByNik(nik: $nik) { fullName } }');
      const variables = encodeURIComponent(JSON.stringify({ nik: second!.nik }));
      await fetch(`${base}/graphql?query=${query}&variables=${variables}`, {
        headers: { authorization: `Bearer ${token}`, 'apollo-require-preflight': 'true' },
      });
      // Refused at the door, with the personal data still in the body.
      const refused = { query: WORKERS, operationName: 'Workers', variables: { nik: first!.nik } };
      expect((await graphql(refused, 'Bearer nope')).status).toBe(401);
    } finally {
      output = await hub.stop();
    }

    const rawLines = jsonLines(output);
    const personalData = [
      ...(await seededPersonalData(dataDir)),
      ...(await hub.demoPeople()).map((person) => person.displayName),
    ];
    // A name counts as a word of its own: a one-word given name ("Sri", "Eka") may stand inside
    // other words of a log line without being anybody's name there.
    const asWord = (value: string) =>
      new RegExp(`(?<![\\p{L}\\d])${value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}\\d])`, 'u');
    const patterns = personalData.map(asWord);
    for (const line of rawLines)
      for (const [index, pattern] of patterns.entries())
        expect(pattern.test(line), `${personalData[index]} in ${line}`).toBe(false);

    const lines = rawLines.map((line) => JSON.parse(line) as LogLine);
    const operations = lines.filter((line) => line.msg === 'graphql operation');
    expect(operations.find((line) => line['operationName'] === 'Workers' && line['status'] === 200)).toEqual(
      expect.objectContaining({
        level: 30,
        operationType: 'query',
        clientId: 'kp2mi-case-officer',
        institutionId: officerInstitution,
        institutionKind: 'MINISTRY',
        outcome: 'ok',
        durationMs: expect.any(Number) as number,
        requestId: expect.stringMatching(/^[0-9a-f-]{36}$/) as string,
      }),
    );
    expect(operations.find((line) => line['status'] === 401)).toEqual(
      expect.objectContaining({ operationName: 'Workers', clientId: null, outcome: 'UNAUTHENTICATED' }),
    );
    expect(operations.map((line) => line['outcome'])).toEqual(
      expect.arrayContaining(['GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED']),
    );
    // In development the requests themselves are debug lines: the start banner stays in view.
    const completed = lines.filter((line) => line.msg === 'request completed');
    expect(completed.length).toBeGreaterThan(0);
    expect(completed.every((line) => line.level === 20)).toBe(true);
  }, 240_000);
});
