import type { BenchFixtures } from './seed/index.js';
import { registerBenchClient, startHubStack, type BenchCredentials, type HubStack } from './hub-stack.js';
import {
  ACTOR_KIND,
  institutionOf,
  MENTOR_OF_PROGRAM,
  type BenchActor,
  type LiveFacts,
  type Workload,
} from './workloads/index.js';
import { ask } from './compare.js';
import type { PreparedRequest } from './measure.js';

const ACTORS = Object.keys(ACTOR_KIND) as BenchActor[];

/** Bench clients of the seeded institutions, registered once per database. */
export async function registerActors(databaseUrl: string, fixtures: BenchFixtures) {
  const credentials = {} as Record<BenchActor, BenchCredentials>;
  for (const actor of ACTORS) {
    credentials[actor] = await registerBenchClient(
      databaseUrl,
      institutionOf(actor, fixtures),
      ACTOR_KIND[actor],
    );
  }
  return credentials;
}

/**
 * A running hub stack over one seeded database, with a fresh token per actor and the facts the
 * workloads need; `prepare` turns a workload into the request every gateway is sent.
 */
export async function openSession(options: {
  readonly databaseUrl: string;
  readonly fixtures: BenchFixtures;
  readonly credentials: Readonly<Record<BenchActor, BenchCredentials>>;
  readonly logDir: string;
  readonly accessLog: 'on' | 'off';
  readonly label: string;
  /** Node flags by process label (an inspector under `--cpu-prof`), for the stack's subgraphs and measured gateways. */
  readonly nodeArgs?: (label: string) => readonly string[];
}) {
  const stack: HubStack = await startHubStack(options);
  try {
    const tokens = {} as Record<BenchActor, string>;
    for (const actor of ACTORS) tokens[actor] = await stack.token(options.credentials[actor]);
    const mentor = await ask(
      `${stack.issuerUrl}/graphql`,
      { authorization: `Bearer ${tokens.university}` },
      JSON.stringify({ query: MENTOR_OF_PROGRAM, variables: { id: options.fixtures.university.programId } }),
    );
    const mentors = (
      mentor.data as { mentoringProgram?: { university?: { mentors?: { id: string }[] } } } | null
    )?.mentoringProgram?.university?.mentors;
    const live: LiveFacts = { mentorId: mentors?.[0]?.id ?? null };

    const prepare = (workload: Workload): PreparedRequest => ({
      workload: workload.id,
      body: JSON.stringify({ query: workload.query, variables: workload.variables(options.fixtures, live) }),
      headers: { authorization: `Bearer ${tokens[workload.actor]}` },
      write: workload.write,
    });
    return { stack, prepare, live, nodeArgs: options.nodeArgs };
  } catch (error) {
    await stack.stop();
    throw error;
  }
}

export type Session = Awaited<ReturnType<typeof openSession>>;
