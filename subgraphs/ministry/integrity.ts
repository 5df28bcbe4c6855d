/**
 * For relations the database guarantees (a job order's agency, a case's opener in the directory):
 * a missing row is a broken invariant, reported as an internal error (logged, masked for the
 * client), never as a quiet null in a non-null field.
 */
export function mustExist<T>(value: T | null | undefined, what: string): T {
  if (value === null || value === undefined) throw new Error(`${what} is missing`);
  return value;
}
