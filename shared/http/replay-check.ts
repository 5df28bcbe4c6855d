/**
 * An idempotent retry is answered from the first answer only while the caller may still see all
 * it held. The gateway checks that with each service that served part of it: a signed `_entities`
 * request for those entities, which the service resolves under its row rules as for any request,
 * carrying this extension. For every entity still visible the service records a REPLAY access
 * event with the fields the first answer held; an entity no longer visible resolves to null.
 */
export interface ReplayCheck {
  /** The hub's id of the request whose answer would be sent again. */
  readonly of: string;
  /** Per `Type:id`, the fields of that entity the first answer held. */
  readonly fields: Readonly<Record<string, readonly string[]>>;
}

/** The request-body extension that carries a replay check. */
export const REPLAY_EXTENSION = 'hubReplay';

/** The response-body extension in which a subgraph reports what it served, when the gateway asks. */
export const SERVED_EXTENSION = 'hubServedEntities';

export const REPLAY_CHECK_QUERY =
  'query HubReplayCheck($representations: [_Any!]!) { _entities(representations: $representations) { __typename } }';

export function entityKey(entityType: string, entityId: string): string {
  return `${entityType}:${entityId}`;
}

/** The replay check a (signed) request body carries, or null. */
export function replayCheckOf(body: unknown): ReplayCheck | null {
  if (typeof body !== 'object' || body === null) return null;
  const extensions = (body as { extensions?: unknown }).extensions;
  if (typeof extensions !== 'object' || extensions === null) return null;
  const check = (extensions as Record<string, unknown>)[REPLAY_EXTENSION];
  if (typeof check !== 'object' || check === null) return null;
  const { of, fields } = check as { of?: unknown; fields?: unknown };
  if (typeof of !== 'string' || typeof fields !== 'object' || fields === null) return null;
  const valid = Object.values(fields).every(
    (list) => Array.isArray(list) && list.every((field) => typeof field === 'string'),
  );
  return valid ? { of, fields: fields as Record<string, readonly string[]> } : null;
}
