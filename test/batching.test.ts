import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, postGraphQL } from '../shared/testing/graphql-client.js';
import { seedDemoHub } from '../scripts/seed/load.js';
import { startTestHub, type TestHub } from './helpers/hub.js';
import { uniformWorld } from './helpers/uniform-world.js';

// One worker as all four institutions know her, for N workers at once.
const FEDERATED_WORKERS = /* GraphQL */ `
  query Workers($first: Int!) {
    workers(first: $first, filter: { regionCode: "35.07.13" }) {
      edges {
        node {
          id
          nik
          fullName
          district {
            name
          }
          documents {
            type
            status
          }
          placements {
            id
            missingDocuments
            agency {
              name
              licenceStatus
            }
            jobOrder {
              employerName
            }
            compliance {
              compliant
            }
          }
          cases {
            reference
            status
            openedBy {
              name
            }
          }
          enrollments {
            status
            course {
              title
              provider {
                name
              }
            }
          }
          certifications {
            scheme
          }
          mentoringSessions {
            date
            program {
              title
            }
          }
        }
      }
    }
  }
`;

let hub: TestHub;
let token: string;

beforeAll(async () => {
  hub = await startTestHub();
  const credentials = await seedDemoHub((name) => hub.stores[name], uniformWorld(100));
  const officer = credentials?.find((client) => client.clientId === 'kp2mi-case-officer');
  if (!officer) throw new Error('the demo world has no case officer');
  const response = await fetch(`${hub.gatewayUrl}/oauth/token`, {
    method: 'POST',
    body: new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: officer.clientId,
      client_secret: officer.clientSecret,
    }),
  });
  token = ((await response.json()) as { access_token: string }).access_token;
});
afterAll(async () => {
  await hub.close();
});

/** SQL statements each subgraph issued while the gateway answered one request. */
async function statementsFor(first: number) {
  const before = { ...hub.statements };
  const response = await postGraphQL<{ workers: { edges: unknown[] } }>(
    hub.url,
    FEDERATED_WORKERS,
    { first },
    bearer(token),
  );
  expect(response.errors).toEqual([]);
  expect(response.data?.workers.edges).toHaveLength(first);
  return Object.fromEntries(
    (['labour', 'ministry', 'training', 'university'] as const).map((name) => [
      name,
      hub.statements[name] - before[name],
    ]),
  );
}

describe('batching across the federation', () => {
  it('resolves 100 workers across all four subgraphs with the same number of SQL statements as 2', async () => {
    const two = await statementsFor(2);
    const hundred = await statementsFor(100);
    expect(hundred).toEqual(two);
    // A constant, small cost per subgraph: one statement per loader batch, not one per worker.
    for (const [name, count] of Object.entries(hundred)) expect(count, name).toBeLessThanOrEqual(12);
  });
});
