import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import {
  labourProductionProblems,
  loadConfig,
  productionProblems,
  serviceProductionProblems,
} from '../shared/config.js';
import { interpolate, interpolateEnvironment } from './helpers/compose-interpolation.js';

interface ComposeService {
  readonly command?: string[];
  readonly ports?: string[];
  readonly expose?: string[];
  readonly environment?: Record<string, string>;
  readonly volumes?: string[];
}

const compose = parse(readFileSync(new URL('../docker-compose.yml', import.meta.url), 'utf8'), {
  merge: true,
}) as {
  services: Record<string, ComposeService>;
};
const SUBGRAPHS = ['labour', 'ministry', 'training', 'university'] as const;
const SERVICES = [...SUBGRAPHS, 'gateway'] as const;
const hasDockerCompose = spawnSync('docker-compose', ['version'], { stdio: 'ignore' }).status === 0;

/** What an operator puts in `.env` (docker/hub.env.example), with made-up values of the right shape. */
const OPERATOR_VARIABLES: Readonly<Record<string, string>> = {
  HUB_PUBLIC_URL: 'https://hub.example.go.id',
  POSTGRES_PASSWORD: 'sample-administrator-password',
  NIK_PSEUDONYM_KEY: 'sample-nik-pseudonym-key-of-32-characters',
  ...Object.fromEntries(
    SERVICES.flatMap((name) => [
      [`${name.toUpperCase()}_KEY_ENCRYPTION_KEY`, `sample-kek-for-${name}-of-32-characters`],
      [`${name.toUpperCase()}_DB_PASSWORD`, `sample-${name}-db-password`],
    ]),
  ),
};

const environmentOf = (name: string, variables = OPERATOR_VARIABLES) =>
  interpolateEnvironment(compose.services[name]?.environment ?? {}, variables);

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

  it('gives each service a configuration its own production checks accept', () => {
    for (const name of SERVICES) {
      const environment = environmentOf(name);
      // loadConfig itself throws on what every production service must have (productionProblems).
      const config = loadConfig(environment);
      expect(config.production, name).toBe(true);
      expect(productionProblems(config), name).toEqual([]);
      expect(serviceProductionProblems(config, name), name).toEqual([]);
      if (name === 'labour') expect(labourProductionProblems(config)).toEqual([]);
      expect(config.seed.demoData, name).toBe(false);
      expect(config.tokens.issuer, name).toBe('https://hub.example.go.id');
      // The gateway also refuses to start while demo clients are active; with SEED_DEMO_DATA off
      // none are ever made (test/service-roles.test.ts and the gateway's own tests cover the rest).
    }
  });

  it('connects each service to its own database as its own role, never as the administrator', () => {
    const postgresEnvironment = environmentOf('postgres');
    for (const name of SERVICES) {
      const config = loadConfig(environmentOf(name));
      const url = new URL(config.database.urls[name] ?? '');
      expect(url.username, name).toBe(`${name}_service`);
      expect(`${url.host}${url.pathname}`, name).toBe(`postgres:5432/${name}`);
      // The role is made (once, by the PostgreSQL service) with the password the service uses.
      expect(decodeURIComponent(url.password), name).toBe(
        postgresEnvironment[`${name.toUpperCase()}_DB_PASSWORD`],
      );
      const otherStores = SERVICES.filter((other) => other !== name && config.database.urls[other]);
      expect(otherStores, name).toEqual([]);
    }
    expect(JSON.stringify(compose)).not.toMatch(/postgres:\/\/postgres[:@]/);
  });

  it('mounts the role and database scripts the PostgreSQL service runs on first start', () => {
    const volumes = compose.services['postgres']?.volumes ?? [];
    for (const file of [
      'docker/postgres/init-service-databases.sh',
      'docker/postgres/service-database.sql',
    ]) {
      expect(
        volumes.some((volume) => volume.startsWith(`./${file}:`)),
        file,
      ).toBe(true);
      expect(existsSync(new URL(`../${file}`, import.meta.url)), file).toBe(true);
    }
  });

  it('gives every service a key-encryption key of its own, none shared', () => {
    const keks = SERVICES.map((name) => {
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

  it('refuses to start, naming the variable, while any setting of docker/hub.env.example is missing', () => {
    const example = readFileSync(new URL('../docker/hub.env.example', import.meta.url), 'utf8');
    const listed = [...example.matchAll(/^([A-Z][A-Z0-9_]*)=/gm)].map((match) => match[1]);
    expect(listed.sort()).toEqual(Object.keys(OPERATOR_VARIABLES).sort());
    for (const variable of Object.keys(OPERATOR_VARIABLES)) {
      const without = { ...OPERATOR_VARIABLES, [variable]: '' };
      const refusals = Object.keys(compose.services).flatMap((name) => {
        try {
          environmentOf(name, without);
          return [];
        } catch (error) {
          return [(error as Error).message];
        }
      });
      expect(refusals.length, variable).toBeGreaterThan(0);
      expect(refusals[0], variable).toContain(variable);
    }
  });

  it('substitutes variables as compose does', () => {
    expect(interpolate('a${X:-d}b$$c${Y}', { X: '', Y: 'y' })).toBe('adb$cy');
    expect(() => interpolate('${X:?set X}', {})).toThrow('required variable X is missing: set X');
  });

  it.skipIf(!hasDockerCompose)('is accepted by `docker-compose config`', () => {
    const output = execFileSync('docker-compose', ['-f', 'docker-compose.yml', 'config', '--quiet'], {
      env: { ...process.env, ...OPERATOR_VARIABLES },
      stdio: 'pipe',
    });
    expect(output.toString()).toBe('');
  });
});
