/**
 * Compose's variable substitution (`$VAR`, `${VAR}`, `${VAR:-default}`, `${VAR-default}`,
 * `${VAR:?message}`, `${VAR?message}`, `$$`), as `docker compose` applies it to docker-compose.yml
 * before any service sees its environment. A required variable that is missing throws its message.
 */
export function interpolate(value: string, variables: Readonly<Record<string, string | undefined>>): string {
  return value.replace(
    /\$\$|\$\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?])([^}]*))?\}|\$([A-Za-z_][A-Za-z0-9_]*)/g,
    (
      match,
      braced: string | undefined,
      operator: string | undefined,
      argument: string | undefined,
      bare: string | undefined,
    ) => {
      if (match === '$$') return '$';
      const name = braced ?? bare ?? '';
      const current = variables[name];
      const missing = operator?.startsWith(':') ? !current : current === undefined;
      if (!missing) return current ?? '';
      if (operator?.endsWith('?')) throw new Error(`required variable ${name} is missing: ${argument ?? ''}`);
      if (operator?.endsWith('-')) return argument ?? '';
      return '';
    },
  );
}

/** A service's environment as its process receives it. */
export function interpolateEnvironment(
  environment: Readonly<Record<string, string>>,
  variables: Readonly<Record<string, string | undefined>>,
): Record<string, string> {
  return Object.fromEntries(
    Object.entries(environment).map(([key, value]) => [key, interpolate(String(value), variables)]),
  );
}
