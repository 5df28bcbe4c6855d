import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { eq } from 'drizzle-orm';
import { INSTITUTION_KINDS, SCOPES, type InstitutionKind, type Scope } from '../shared/auth/principal.js';
import { openGatewayStore } from './operator-store.js';
import {
  findClient,
  reactivateClient,
  registerClient,
  registerInstitution,
  suspendClient,
} from '../gateway/clients.js';
import { clients, institutions } from '../gateway/db/schema.js';
import { rotateSigningKey } from '../gateway/keys.js';
import { keySealerFor } from '../shared/keys/sealing.js';
import {
  problemsWithDocument,
  restrictToTrustedDocuments,
  trustDocument,
} from '../gateway/trusted-documents.js';
import { readApiSchema } from '../shared/schema-files.js';

const USAGE = `Operator commands on the gateway's client registry:

  npm run clients -- list
  npm run clients -- add-institution --name "Disnaker Kabupaten Kediri" --kind LABOUR_OFFICE --region 35.06
  npm run clients -- add --institution <id> --label "Desk system" --scopes workers:read,workers:write
  npm run clients -- suspend <clientId>       (the kill switch: its tokens stop working)
  npm run clients -- reactivate <clientId>
  npm run clients -- rotate-keys              (new signing key; old tokens stay valid until they expire)
  npm run clients -- trust-document <clientId> --file operation.graphql [--name Name]
  npm run clients -- restrict <clientId>      (from now on it may run only its trusted documents)
  npm run clients -- unrestrict <clientId>

Works on GATEWAY_DATABASE_URL / DATABASE_URL, or on the embedded PostgreSQL in HUB_DATA_DIR while
the hub is stopped (an embedded database belongs to one process at a time). The ministry's public
directory of institutions is kept by the ministry subgraph.`;

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: {
    name: { type: 'string' },
    kind: { type: 'string' },
    region: { type: 'string' },
    institution: { type: 'string' },
    label: { type: 'string' },
    scopes: { type: 'string' },
    file: { type: 'string' },
  },
});

const { store, close, config } = await openGatewayStore('migran-hub-clients');
const { db } = store;

async function run(command: string | undefined, argument: string | undefined): Promise<number> {
  switch (command) {
    case 'list': {
      const rows = await db
        .select({ client: clients, institution: institutions })
        .from(clients)
        .leftJoin(institutions, eq(institutions.id, clients.institutionId));
      for (const { client, institution } of rows) {
        console.log(
          `${client.clientId.padEnd(28)} ${client.status.padEnd(9)} ${(institution?.kind ?? client.type).padEnd(18)} ${(institution?.id ?? '-').padEnd(36)} ${institution?.name ?? 'the console (people sign in)'}  [${client.scopes.join(' ')}]`,
        );
      }
      return 0;
    }
    case 'add-institution': {
      if (!values.name || !values.kind || !INSTITUTION_KINDS.includes(values.kind as InstitutionKind)) break;
      const row = await registerInstitution(db, {
        name: values.name,
        kind: values.kind as InstitutionKind,
        regionCode: values.region ?? null,
      });
      console.log(`institution ${row.id} registered`);
      return 0;
    }
    case 'add': {
      const scopes = (values.scopes ?? '').split(',').filter(Boolean);
      const unknown = scopes.filter((scope) => !(SCOPES as readonly string[]).includes(scope));
      if (unknown.length > 0) {
        console.error(`unknown scopes: ${unknown.join(', ')}; known scopes: ${SCOPES.join(', ')}`);
        return 2;
      }
      if (!values.institution || !values.label) break;
      const issued = await registerClient(db, {
        institutionId: values.institution,
        label: values.label,
        scopes: scopes as Scope[],
      });
      console.log(
        `client_id     ${issued.clientId}\nclient_secret ${issued.clientSecret}   (shown once; only its hash is kept)`,
      );
      return 0;
    }
    case 'suspend':
    case 'reactivate': {
      if (!argument || !(await findClient(db, argument))) break;
      await (command === 'suspend' ? suspendClient(db, argument) : reactivateClient(db, argument));
      console.log(`${argument} ${command === 'suspend' ? 'suspended' : 'reactivated'}`);
      return 0;
    }
    case 'trust-document': {
      if (!argument || !values.file || !(await findClient(db, argument))) break;
      const document = readFileSync(values.file, 'utf8');
      const problems = problemsWithDocument(readApiSchema(), document);
      if (problems.length > 0) {
        console.error(`not registered:\n  ${problems.join('\n  ')}`);
        return 1;
      }
      const hash = await trustDocument(db, argument, document, values.name);
      console.log(`trusted for ${argument}: sha256 ${hash}`);
      return 0;
    }
    case 'restrict':
    case 'unrestrict': {
      if (!argument || !(await findClient(db, argument))) break;
      await restrictToTrustedDocuments(db, argument, command === 'restrict');
      console.log(
        `${argument} ${command === 'restrict' ? 'may run only its trusted documents' : 'may run any operation its scopes allow'}`,
      );
      return 0;
    }
    case 'rotate-keys': {
      console.log(
        `new signing key ${await rotateSigningKey(db, keySealerFor(config, 'gateway'))}; running gateways pick it up on restart`,
      );
      return 0;
    }
    case undefined:
    default:
      break;
  }
  console.error(USAGE);
  return 2;
}

let code: number;
try {
  code = await run(positionals[0], positionals[1]);
} catch (error) {
  // Refusals from the registry (unknown institution, a scope beyond the institution's kind) are
  // messages for the operator, not stack traces.
  console.error(error instanceof Error ? error.message : error);
  code = 1;
}
await close();
process.exit(code);
