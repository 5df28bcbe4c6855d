import postgres from 'postgres';
import { databaseUrl } from '../../shared/testing/database.js';

/**
 * Replays a psql script of the simple shape docker/postgres/service-database.sql keeps to: one
 * statement per line ending in `;`, `--` comments, `\connect :"variable"`, and the variables
 * :"name" (an identifier) and :'name' (a literal). Each statement is sent on its own, as psql
 * sends it (CREATE DATABASE cannot share a request with another statement).
 */
export async function runPsqlScript(
  script: string,
  variables: Readonly<Record<string, string>>,
  adminUrl: string,
): Promise<void> {
  let client = postgres(adminUrl, { max: 1, onnotice: () => {} });
  try {
    for (const line of script.split('\n').map((text) => text.trim())) {
      if (line === '' || line.startsWith('--')) continue;
      const text = substitute(line, variables);
      const connect = /^\\(?:connect|c)\s+"((?:[^"]|"")+)"$/.exec(text);
      if (connect?.[1] !== undefined) {
        await client.end({ timeout: 5 });
        client = postgres(databaseUrl(adminUrl, connect[1].replaceAll('""', '"')), {
          max: 1,
          onnotice: () => {},
        });
        continue;
      }
      if (text.startsWith('\\') || !text.endsWith(';')) {
        throw new Error(`psql script line the replay does not understand: ${line}`);
      }
      await client.unsafe(text);
    }
  } finally {
    await client.end({ timeout: 5 });
  }
}

function substitute(line: string, variables: Readonly<Record<string, string>>): string {
  return line.replace(/:(["'])([A-Za-z_][A-Za-z0-9_]*)\1/g, (_match, quote: string, name: string) => {
    const value = variables[name];
    if (value === undefined) throw new Error(`psql variable ${name} is not set`);
    return `${quote}${value.replaceAll(quote, quote + quote)}${quote}`;
  });
}
