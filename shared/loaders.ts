/**
 * DataLoader batch results must match the keys in order and length. These helpers turn the rows
 * of one `WHERE key IN (...)` query into that shape.
 */
export function oneByKey<K, V>(keys: readonly K[], rows: readonly V[], keyOf: (row: V) => K): (V | null)[] {
  const byKey = new Map<K, V>();
  for (const row of rows) byKey.set(keyOf(row), row);
  return keys.map((key) => byKey.get(key) ?? null);
}

export function manyByKey<K, V>(keys: readonly K[], rows: readonly V[], keyOf: (row: V) => K): V[][] {
  const byKey = new Map<K, V[]>();
  for (const row of rows) {
    const key = keyOf(row);
    const group = byKey.get(key);
    if (group) group.push(row);
    else byKey.set(key, [row]);
  }
  return keys.map((key) => byKey.get(key) ?? []);
}

/** Stable string key for composite keys (DataLoader compares keys by identity unless told otherwise). */
export function compositeKey(...parts: readonly (string | number)[]): string {
  return parts.join('\u0000');
}
