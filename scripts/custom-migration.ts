import { execFileSync } from 'node:child_process';
import { readdirSync, writeFileSync } from 'node:fs';

/**
 * Adds a custom drizzle migration to a subgraph's store (drizzle-kit numbers it and records it in
 * the journal) and writes `sql` into it under a header naming where it was generated from.
 */
export function writeCustomMigration(store: string, name: string, header: string, sql: string): void {
  const dir = `subgraphs/${store}/db/migrations`;
  const before = new Set(readdirSync(dir));
  execFileSync(
    'npx',
    [
      'drizzle-kit',
      'generate',
      '--custom',
      '--dialect=postgresql',
      `--schema=subgraphs/${store}/db/schema.ts`,
      `--out=${dir}`,
      `--name=${name}`,
    ],
    { stdio: 'inherit' },
  );
  const created = readdirSync(dir).find((file) => !before.has(file) && file.endsWith('.sql'));
  if (!created) throw new Error('drizzle-kit created no migration file');
  writeFileSync(`${dir}/${created}`, `-- ${header}${sql}`);
  console.log(`${dir}/${created} written`);
}
