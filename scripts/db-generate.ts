import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { SUBGRAPH_NAMES } from '../shared/config.js';

/**
 * Generates a drizzle-kit migration for every store whose `db/schema.ts` changed since its last
 * migration. Usage: `npm run db:generate -- [migration-name]`. Migrations are committed and applied
 * at start; generated files are never edited by hand.
 */
const name = process.argv[2];
const stores = [...SUBGRAPH_NAMES.map((subgraph) => `subgraphs/${subgraph}`), 'gateway'];

for (const dir of stores) {
  const schema = `${dir}/db/schema.ts`;
  if (!existsSync(schema)) continue;
  console.log(`\n${dir}`);
  execFileSync(
    'npx',
    [
      'drizzle-kit',
      'generate',
      '--dialect=postgresql',
      `--schema=${schema}`,
      `--out=${dir}/db/migrations`,
      ...(name ? [`--name=${name}`] : []),
    ],
    { stdio: 'inherit' },
  );
}
