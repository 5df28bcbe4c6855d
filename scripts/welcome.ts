import type { DemoCredentials, DemoPerson } from '../gateway/seed.js';

export interface WelcomeOptions {
  readonly gatewayUrl: string;
  readonly credentials: readonly DemoCredentials[] | null;
  readonly credentialsFile: string;
  readonly people: readonly DemoPerson[] | null;
  readonly peopleFile: string;
  readonly showcaseWorkerId: string | null;
  /** Per client id, a worker that client can see (the README's per-institution queries need one). */
  readonly sampleWorkers?: ReadonlyMap<string, string>;
}

const SHOWCASE_QUERY = `query Worker($id: ID!) {
  worker(id: $id) {
    fullName nik status district { name }
    documents { type status validUntil }
    placements {
      destinationCountry occupation departureDate actualReturnDate
      agency { name licenceStatus }
      compliance { compliant findings { code severity message } }
    }
    cases { reference category status }
    enrollments { status course { title } }
    certifications { scheme issuedOn }
    mentoringSessions { date form topics program { title } }
  }
}`;

/** What `npm start` prints: where the hub is, who may call it, and a first query to try. */
export function printWelcome({
  gatewayUrl,
  credentials,
  credentialsFile,
  people,
  peopleFile,
  showcaseWorkerId,
  sampleWorkers = new Map(),
}: WelcomeOptions): void {
  const lines = [
    '',
    'Migran Center hub is running.',
    '',
    `  Console   ${gatewayUrl}/   (sign in as one of the demo people below)`,
    `  GraphQL   ${gatewayUrl}/graphql   explorer: ${gatewayUrl}/explorer (a demo client id and secret get a token)`,
    `  Tokens    POST ${gatewayUrl}/oauth/token   keys: ${gatewayUrl}/.well-known/jwks.json`,
    `  Health    ${gatewayUrl}/health   readiness: ${gatewayUrl}/ready   metrics: ${gatewayUrl}/metrics`,
    '  Operate   npm run hub -- --help   (clients, people, keys, a worker’s record; carried out by this hub)',
    '',
  ];
  if (people) {
    lines.push(`Demo people for the console (passwords also in ${peopleFile}):`);
    for (const person of people) {
      lines.push(
        `  ${person.username.padEnd(24)} ${person.role.padEnd(19)} ${person.institutionName.padEnd(34)} password ${person.password}`,
      );
    }
    lines.push('');
  }
  if (credentials) {
    lines.push(`Demo clients (secrets also in ${credentialsFile}), each with a worker id it can see:`);
    for (const client of credentials) {
      lines.push(
        `  ${client.clientId.padEnd(24)} ${client.institutionKind.padEnd(18)} ${(client.regionCode ?? '').padEnd(6)} secret ${client.clientSecret}`,
      );
      const workerId = sampleWorkers.get(client.clientId);
      if (workerId) lines.push(`  ${''.padEnd(24)} worker ${workerId}`);
    }
  } else {
    lines.push(
      `No demo client secrets on file (${credentialsFile}); delete the data directory to reload the demo world.`,
    );
  }
  const officer = credentials?.find((client) => client.clientId === 'kp2mi-case-officer');
  if (officer && showcaseWorkerId) {
    const body = JSON.stringify({ query: SHOWCASE_QUERY, variables: { id: showcaseWorkerId } });
    lines.push(
      '',
      'A first query: one worker as four institutions know her (as the ministry case officer):',
      '',
      `  TOKEN=$(curl -s -u ${officer.clientId}:${officer.clientSecret} -d grant_type=client_credentials \\`,
      `    ${gatewayUrl}/oauth/token | node -pe 'JSON.parse(require("fs").readFileSync(0)).access_token')`,
      `  curl -s ${gatewayUrl}/graphql -H "authorization: Bearer $TOKEN" -H 'content-type: application/json' \\`,
      `    -d '${body.replaceAll("'", "'\\''")}'`,
    );
  }
  console.log(`${lines.join('\n')}\n`);
}
