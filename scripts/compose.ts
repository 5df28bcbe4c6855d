import { writeFileSync } from 'node:fs';
import { composeSupergraph } from '../gateway/compose.js';
import { SCHEMA_DIR } from '../shared/schema-files.js';

// Writes schema/supergraph.graphql; a test fails when the committed file is stale.
const { supergraphSdl, errors, hints } = composeSupergraph();
for (const hint of hints) console.warn(`hint ${hint.code}: ${hint.message}`);
if (!supergraphSdl) {
  for (const error of errors) console.error(error);
  process.exit(1);
}
writeFileSync(new URL('supergraph.graphql', SCHEMA_DIR), supergraphSdl);
console.log(`schema/supergraph.graphql written (${hints.length} composition hints).`);
