import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generate } from '@graphql-codegen/cli';
import { Kind, parse } from 'graphql';
import { build } from 'vite';
import { consoleCodegenConfig, CONSOLE_GENERATED_DIR, documentSha256 } from '../console/codegen.js';
import type { TrustedDocumentEntry } from '../gateway/console-documents.js';

/**
 * Builds the console (`console/dist`) and the API explorer (`console/dist/explorer`) when its inputs changed since the last build: every file
 * under `console/` but the output, the supergraph (the API its operations are typed and checked
 * against), the lock file and this script. Runs before `npm start` and `npm test` and in the
 * tests' global setup, so a newcomer never runs a build step by hand; a fresh build costs some
 * seconds, a check with nothing to do a few milliseconds.
 */
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const CONSOLE = join(ROOT, 'console');
export const CONSOLE_DIST = join(CONSOLE, 'dist');
const STAMP = '.inputs-sha256';
export const MANIFEST_FILE = 'trusted-documents.json';
export const EXPLORER_DIR = 'explorer';
const EXTRA_INPUTS = [
  'schema/supergraph.graphql',
  'package-lock.json',
  'scripts/build-console.ts',
  'shared/console-routes.ts',
];

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const files: string[] = [];
  for (const entry of entries) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (path === CONSOLE_DIST || entry.name === 'node_modules' || entry.name.startsWith('.dist-')) continue;
      files.push(...(await filesUnder(path)));
    } else files.push(path);
  }
  return files;
}

async function inputsHash(): Promise<string> {
  const files = [...(await filesUnder(CONSOLE)), ...EXTRA_INPUTS.map((file) => join(ROOT, file))].sort();
  const hash = createHash('sha256');
  for (const file of files) {
    hash.update(relative(ROOT, file)).update('\0');
    hash.update(await readFile(file)).update('\0');
  }
  return hash.digest('hex');
}

/** The console's operations, as the gateway registers them for the `hub-console` client. */
function manifestOf(persisted: Record<string, string>): TrustedDocumentEntry[] {
  return Object.entries(persisted)
    .map(([sha256, document]) => {
      if (documentSha256(document) !== sha256)
        throw new Error(`persisted document ${sha256} does not match its hash`);
      const operation = parse(document).definitions.find(
        (definition) => definition.kind === Kind.OPERATION_DEFINITION,
      );
      const name = operation && 'name' in operation ? operation.name?.value : undefined;
      if (!name) throw new Error(`every console operation needs a name: ${document.slice(0, 80)}`);
      return { name, sha256, document };
    })
    .sort((a, b) => a.name.localeCompare(b.name));
}

export async function ensureConsoleBuilt(
  options: { readonly force?: boolean } = {},
): Promise<'fresh' | 'built'> {
  const stampFile = join(CONSOLE_DIST, STAMP);
  const before = await inputsHash();
  if (!options.force && existsSync(stampFile) && (await readFile(stampFile, 'utf8')) === before)
    return 'fresh';

  // Typed operations and their hashes first; then the bundle, built aside and swapped in whole.
  await generate({ ...consoleCodegenConfig(), cwd: ROOT }, true);
  const inputs = await inputsHash();
  const staging = join(CONSOLE, `.dist-${process.pid}`);
  await rm(staging, { recursive: true, force: true });
  await build({ configFile: join(CONSOLE, 'vite.config.ts'), build: { outDir: staging, emptyOutDir: true } });
  // The API explorer (GraphiQL, React) beside it: the gateway serves it from `dist/explorer/`.
  await build({
    configFile: join(CONSOLE, 'explorer.vite.config.ts'),
    build: { outDir: join(staging, EXPLORER_DIR), emptyOutDir: true },
  });
  const persisted = JSON.parse(
    await readFile(join(ROOT, CONSOLE_GENERATED_DIR, 'persisted-documents.json'), 'utf8'),
  ) as Record<string, string>;
  await writeFile(join(staging, MANIFEST_FILE), `${JSON.stringify(manifestOf(persisted), null, 2)}\n`);
  await writeFile(join(staging, STAMP), inputs);
  await mkdir(CONSOLE_DIST, { recursive: true });
  await rm(CONSOLE_DIST, { recursive: true, force: true });
  await rename(staging, CONSOLE_DIST);
  return 'built';
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const started = Date.now();
  const outcome = await ensureConsoleBuilt({ force: process.argv.includes('--force') });
  if (outcome === 'built')
    console.log(`Console built in ${((Date.now() - started) / 1000).toFixed(1)} s (console/dist).`);
}
