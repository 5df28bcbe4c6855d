/** A GraphQL answer as it came back over HTTP. */
export interface Answer {
  readonly status: number;
  readonly data: unknown;
  readonly errors: readonly unknown[];
}

/** The first place two JSON values differ (`data.worker.placements[0].status`), or null when equal. */
export function firstDifference(left: unknown, right: unknown, path = 'data'): string | null {
  if (left === right) return null;
  if (Array.isArray(left) && Array.isArray(right)) {
    if (left.length !== right.length) return `${path}: ${left.length} items against ${right.length}`;
    for (const [index, item] of left.entries()) {
      const difference = firstDifference(item, right[index], `${path}[${index}]`);
      if (difference) return difference;
    }
    return null;
  }
  if (
    left &&
    right &&
    typeof left === 'object' &&
    typeof right === 'object' &&
    !Array.isArray(left) &&
    !Array.isArray(right)
  ) {
    const keys = new Set([...Object.keys(left), ...Object.keys(right)]);
    for (const key of [...keys].sort()) {
      const difference = firstDifference(
        (left as Record<string, unknown>)[key],
        (right as Record<string, unknown>)[key],
        `${path}.${key}`,
      );
      if (difference) return difference;
    }
    return null;
  }
  return `${path}: ${JSON.stringify(left)?.slice(0, 60)} against ${JSON.stringify(right)?.slice(0, 60)}`;
}

/** What is wrong with an answer (status, error codes and messages), or null when it has none. */
export function answerProblem(answer: Answer): string | null {
  if (answer.status === 200 && answer.errors.length === 0) return null;
  const messages = answer.errors.map((error) =>
    typeof error === 'object' && error !== null && 'message' in error
      ? String(error.message)
      : JSON.stringify(error),
  );
  return `HTTP ${answer.status}${messages.length > 0 ? `: ${[...new Set(messages)].join('; ')}` : ''}`.slice(
    0,
    300,
  );
}

/** Why a peer's answer is not the hub's (errors, status or data), or null when it is the same. */
export function answerDifference(hub: Answer, peer: Answer): string | null {
  if (peer.status !== 200) return `HTTP ${peer.status}`;
  if (peer.errors.length > 0) return `errors: ${JSON.stringify(peer.errors).slice(0, 160)}`;
  return firstDifference(hub.data, peer.data);
}

/** Posts one operation and reads the answer (never throws for GraphQL errors). */
export async function ask(
  url: string,
  headers: Readonly<Record<string, string>>,
  body: string,
): Promise<Answer> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body,
    signal: AbortSignal.timeout(60_000),
  });
  const text = await response.text();
  try {
    const parsed = JSON.parse(text) as { data?: unknown; errors?: unknown[] };
    return { status: response.status, data: parsed.data ?? null, errors: parsed.errors ?? [] };
  } catch {
    return { status: response.status, data: null, errors: [`not JSON: ${text.slice(0, 80)}`] };
  }
}

/**
 * Fields whose value rests on facts another subgraph relays through the router (`@requires`): in
 * peer router mode the ministry computes them from its own counts (README "Peer router mode").
 */
const FIELDS_ON_RELAYED_FACTS = new Set(['casesPerThousandDepartures', 'hasData']);

/**
 * When a peer's answer differs from the hub's because of what peer router mode withholds by design
 * (its fetches are unsigned, so the subgraphs believe none of the facts it relays and refuse what
 * rests on them), says so; null when the difference is something else (then it is a fault).
 */
export function peerRouterLimit(hub: Answer, peer: Answer): string | null {
  if (hub.status !== 200 || hub.errors.length > 0 || peer.status !== 200) return null;
  if (peer.errors.length > 0) {
    const refused = peer.errors.filter(
      (error) =>
        typeof error === 'object' &&
        error !== null &&
        (error as { extensions?: { code?: unknown } }).extensions?.code === 'FORBIDDEN',
    );
    if (refused.length !== peer.errors.length) return null;
    const messages = [...new Set(refused.map((error) => String((error as { message?: unknown }).message)))];
    return `peer router mode: ${refused.length} field${refused.length === 1 ? '' : 's'} refused on unsigned facts (${messages.join('; ').slice(0, 200)})`;
  }
  const difference = firstDifference(hub.data, peer.data);
  const field = difference ? /\.([A-Za-z_]+)(?:\[\d+\])*:/.exec(difference)?.[1] : undefined;
  return field && FIELDS_ON_RELAYED_FACTS.has(field)
    ? `peer router mode: ${field} is computed without the facts only the hub's gateway may relay`
    : null;
}
