/**
 * Whether a write failed on a unique index (SQLSTATE 23505), optionally a given one. Drizzle wraps
 * driver errors; both drivers (PGlite and postgres) expose the SQLSTATE as `code` on the cause.
 */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  for (let current: unknown = error; current instanceof Error; current = current.cause) {
    const {
      code,
      constraint: name,
      constraint_name: postgresName,
    } = current as Error & {
      code?: unknown;
      constraint?: unknown;
      constraint_name?: unknown;
    };
    if (code === '23505')
      return constraint === undefined || name === constraint || postgresName === constraint;
  }
  return false;
}
