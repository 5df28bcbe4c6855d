import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

interface ComposeService {
  readonly command?: string[];
  readonly ports?: string[];
  readonly expose?: string[];
  readonly environment?: Record<string, string>;
}

const compose = parse(readFileSync(new URL('../docker-compose.yml', import.meta.url), 'utf8'), {
  merge: true,
}) as {
  services: Record<string, ComposeService>;
};
const SUBGRAPHS = ['labour', 'ministry', 'training', 'university'] as const;
const hasDockerCompose = spawnSync('docker-compose', ['version'], { stdio: 'ignore' }).status === 0;

describe('docker-compose.yml (production shape)', () => {
  it('runs PostgreSQL, the four subgraphs and the gateway as separate services', () => {
    expect(Object.keys(compose.services).sort()).toEqual([
      'gateway',
      'labour',
      'ministry',
      'postgres',
      'training',
      'university',
    ]);
    for (const name of SUBGRAPHS)
      expect(compose.services[name]?.command).toEqual([`subgraphs/${name}/main.ts`]);
    expect(compose.services['gateway']?.command).toEqual(['gateway/main.ts']);
  });

  it('publishes only the gateway; subgraphs are reachable on the internal network only', () => {
    expect(compose.services['gateway']?.ports).toEqual(['4000:4000']);
    for (const name of SUBGRAPHS) {
      expect(compose.services[name]?.ports, name).toBeUndefined();
      expect(compose.services[name]?.expose, name).toHaveLength(1);
    }
  });

  it('gives every service its own database on the PostgreSQL service, in production mode', () => {
    for (const name of [...SUBGRAPHS, 'gateway'] as const) {
      const environment = compose.services[name]?.environment ?? {};
      expect(environment[`${name.toUpperCase()}_DATABASE_URL`], name).toMatch(
        new RegExp(`@postgres:5432/${name}$`),
      );
      expect(environment['NODE_ENV'], name).toBe('production');
      expect(environment['APOLLO_TELEMETRY_DISABLED'], name).toBe('1');
    }
  });

  it('gives every service a key-encryption key of its own, none shared', () => {
    const keks = [...SUBGRAPHS, 'gateway'].map((name) => {
      const environment = compose.services[name]?.environment ?? {};
      const own = `${name.toUpperCase()}_KEY_ENCRYPTION_KEY`;
      expect(environment[own], name).toMatch(new RegExp(`^\\$\\{${own}:\\?`));
      // No other service's KEK reaches this one.
      const others = Object.keys(environment).filter(
        (key) => key.endsWith('_KEY_ENCRYPTION_KEY') && key !== own,
      );
      expect(others, name).toEqual([]);
      return environment[own];
    });
    expect(new Set(keks).size).toBe(keks.length);
    expect(JSON.stringify(compose)).not.toContain('GATEWAY_SIGNING_SECRET');
  });

  it.skipIf(!hasDockerCompose)('is accepted by `docker-compose config`', () => {
    const output = execFileSync('docker-compose', ['-f', 'docker-compose.yml', 'config', '--quiet'], {
      env: {
        ...process.env,
        POSTGRES_PASSWORD: 'validation-only',
        NIK_PSEUDONYM_KEY: 'validation-only-key-of-32-characters',
        ...Object.fromEntries(
          [...SUBGRAPHS, 'gateway'].map((name) => [
            `${name.toUpperCase()}_KEY_ENCRYPTION_KEY`,
            `validation-only-kek-for-${name}-32-characters`,
          ]),
        ),
      },
      stdio: 'pipe',
    });
    expect(output.toString()).toBe('');
  });
});
