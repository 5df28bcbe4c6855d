import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// The image runs with production dependencies only: these tests read the Dockerfile's last stage
// and follow every import from each service's entry point to check nothing needs a dev dependency.

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const dockerfile = readFileSync(join(ROOT, 'Dockerfile'), 'utf8');
const packageJson = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};
const ENTRY_POINTS = [
  'gateway/main.ts',
  ...['labour', 'ministry', 'training', 'university'].map((s) => `subgraphs/${s}/main.ts`),
];

/** The Dockerfile's instructions (continuation lines joined), split into stages at each FROM. */
function stages(text: string): { instruction: string; argument: string }[][] {
  const instructions = text
    .replace(/\\\n/g, ' ')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'))
    .map((line) => {
      const [instruction = '', ...rest] = line.split(/\s+/);
      return { instruction: instruction.toUpperCase(), argument: rest.join(' ') };
    });
  const result: { instruction: string; argument: string }[][] = [];
  for (const entry of instructions) {
    if (entry.instruction === 'FROM') result.push([]);
    result.at(-1)?.push(entry);
  }
  return result;
}

/** Every package a module and the project files it imports load at run time (type imports aside). */
function runtimePackages(entryPoints: readonly string[]): Map<string, string> {
  const packages = new Map<string, string>();
  const seen = new Set<string>();
  const pending = entryPoints.map((entry) => join(ROOT, entry));
  for (let file = pending.pop(); file !== undefined; file = pending.pop()) {
    if (seen.has(file)) continue;
    seen.add(file);
    const source = readFileSync(file, 'utf8');
    const specifiers = [
      ...source.matchAll(/^\s*(?:import|export)\s+(?!type\s)(?:[^'";]*?\sfrom\s+)?['"]([^'"]+)['"]/gm),
      ...source.matchAll(/(?:import|require)\(\s*['"]([^'"]+)['"]\s*\)/g),
    ].map((match) => match[1] ?? '');
    for (const specifier of specifiers) {
      if (specifier.startsWith('.')) {
        const target = join(dirname(file), specifier.replace(/\.js$/, '.ts'));
        if (target.endsWith('.ts') && existsSync(target)) pending.push(target);
      } else if (!specifier.startsWith('node:')) {
        const name = specifier
          .split('/')
          .slice(0, specifier.startsWith('@') ? 2 : 1)
          .join('/');
        packages.set(name, file.slice(ROOT.length));
      }
    }
  }
  return packages;
}

describe('Dockerfile (production image)', () => {
  const all = stages(dockerfile);
  const final = all.at(-1) ?? [];
  const runs = final.filter((entry) => entry.instruction === 'RUN').map((entry) => entry.argument);

  it('builds in stages, the last one running as an unprivileged user', () => {
    expect(all.length).toBeGreaterThan(1);
    const user = final.filter((entry) => entry.instruction === 'USER').at(-1)?.argument;
    expect(user).toBeDefined();
    expect(['root', '0', '0:0']).not.toContain(user);
    // Nothing runs after USER as anyone else, and the entry point comes after it.
    const userIndex = final.findLastIndex((entry) => entry.instruction === 'USER');
    expect(final.findLastIndex((entry) => entry.instruction === 'ENTRYPOINT')).toBeGreaterThan(userIndex);
  });

  it('installs production dependencies only, and takes nothing else from the build stage', () => {
    const installs = runs.filter((run) => /\bnpm (ci|install|i)\b/.test(run));
    expect(installs).toHaveLength(1);
    expect(installs[0]).toMatch(/\bnpm ci\b.*--omit=dev/);
    const copiedFromStages = final
      .filter((entry) => entry.instruction === 'COPY' && entry.argument.startsWith('--from='))
      .map((entry) => entry.argument);
    expect(copiedFromStages).toEqual(['--from=console /app/console/dist ./console/dist']);
    expect(runs.join(' ')).not.toMatch(/apt-get|build-essential|python|gcc|make\b/);
  });

  it('starts with a loader that is a production dependency, not through npx', () => {
    const entrypoint = final.find((entry) => entry.instruction === 'ENTRYPOINT')?.argument ?? '';
    expect(JSON.parse(entrypoint)).toEqual(['node', '--import', 'tsx']);
    expect(packageJson.dependencies['tsx']).toBeDefined();
    expect(packageJson.devDependencies['tsx']).toBeUndefined();
  });

  it('gives every service every package it loads at run time without the dev dependencies', () => {
    const packages = runtimePackages(ENTRY_POINTS);
    expect(packages.has('fastify')).toBe(true); // the walk reaches the services' own code
    const missing = [...packages].filter(([name]) => !(name in packageJson.dependencies));
    expect(missing).toEqual([]);
  });
});
