import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

const PRODUCTION = {
  NODE_ENV: 'production',
  GATEWAY_SIGNING_SECRET: 'x'.repeat(32),
  SEED_DEMO_DATA: 'false',
  TOKEN_ISSUER: 'https://hub.example.go.id',
} as const;

function problemsOf(env: Record<string, string>): readonly string[] {
  try {
    loadConfig(env);
    return [];
  } catch (error) {
    if (error instanceof ConfigError) return error.issues;
    throw error;
  }
}

describe('the access log switch', () => {
  it('is on unless configured otherwise', () => {
    expect(loadConfig({}).accessLog).toBe(true);
    expect(loadConfig(PRODUCTION).accessLog).toBe(true);
  });

  it('production refuses ACCESS_LOG=off together with its other refusals', () => {
    const problems = problemsOf({ ...PRODUCTION, ACCESS_LOG: 'off', SEED_DEMO_DATA: 'true' });
    expect(problems).toHaveLength(2);
    expect(problems.some((problem) => problem.startsWith('ACCESS_LOG must be on in production'))).toBe(true);
  });

  it('production accepts only the explicit benchmark override, which turns the log off', () => {
    expect(loadConfig({ ...PRODUCTION, ACCESS_LOG: 'benchmark-off' }).accessLog).toBe(false);
  });

  it('outside production off turns the log off', () => {
    expect(loadConfig({ NODE_ENV: 'test', ACCESS_LOG: 'off' }).accessLog).toBe(false);
  });

  it('rejects values it does not know', () => {
    expect(problemsOf({ ACCESS_LOG: 'no' })[0]).toMatch(/^ACCESS_LOG: /);
  });
});
