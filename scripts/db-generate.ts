import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { SUBGRAPH_NAMES } from '../shared/config.js';

/**
 * Generates a drizzle-kit migration for a store whose `db/schema.ts` changed since its last
 * migration. Usage: `npm run db:generate -- <labour|ministry|training|university|gateway|all> [name]`.
 * Migrations are committed and applied at start; generated files are never edited by hand.
 */
const [target = 'all', name] = process.argv.slice(2);
const known = [...SUBGRAPH_NAMES, 'gateway'];
if (target !== 'all' && !known.includes(target)) {
  console.error(`Unknown store ${target}; expected one of ${known.join(', ')} or all.`);
  process.exit(1);
}
const stores = (target === 'all' ? known : [target]).map((store) =>
  store === 'gateway' ? 'gateway' : `subgraphs/${store}`,
);

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
