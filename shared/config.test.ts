import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

const PRODUCTION = {
  NODE_ENV: 'production',
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

describe('the access log cannot be turned off by configuration', () => {
  it.each(['off', 'benchmark-off', 'no', 'false', 'ON'])(
    'production refuses to start with ACCESS_LOG=%s, saying the setting does nothing',
    (value) => {
      const problems = problemsOf({ ...PRODUCTION, ACCESS_LOG: value });
      expect(problems).toEqual([
        `ACCESS_LOG="${value}" does nothing: the access log cannot be turned off; unset ACCESS_LOG`,
      ]);
    },
  );

  it('reports ACCESS_LOG together with the other production refusals', () => {
    const problems = problemsOf({ ...PRODUCTION, ACCESS_LOG: 'off', SEED_DEMO_DATA: 'true' });
    expect(problems).toHaveLength(2);
    expect(problems.some((problem) => problem.startsWith('SEED_DEMO_DATA must be false'))).toBe(true);
  });

  it('production starts with ACCESS_LOG unset, empty or on', () => {
    for (const env of [PRODUCTION, { ...PRODUCTION, ACCESS_LOG: '' }, { ...PRODUCTION, ACCESS_LOG: 'on' }])
      expect(problemsOf(env)).toEqual([]);
  });

  it('has no setting that says whether reads are logged', () => {
    const config = loadConfig({ NODE_ENV: 'test', ACCESS_LOG: 'off' });
    expect(Object.keys(config).filter((key) => /access/i.test(key))).toEqual([]);
  });
});

describe('tracing settings', () => {
  it('are off without an OTLP endpoint', () => {
    expect(loadConfig({ NODE_ENV: 'test' }).tracing).toEqual({
      tracesEndpoint: undefined,
      serviceName: undefined,
    });
  });

  it('send spans to v1/traces under the base endpoint, or to the traces endpoint as given', () => {
    const base = loadConfig({ NODE_ENV: 'test', OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318' });
    expect(base.tracing.tracesEndpoint).toBe('http://collector:4318/v1/traces');
    const traces = loadConfig({
      NODE_ENV: 'test',
      OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318/',
      OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'http://traces:9000/otlp',
      OTEL_SERVICE_NAME: 'hub-jatim',
    });
    expect(traces.tracing).toEqual({ tracesEndpoint: 'http://traces:9000/otlp', serviceName: 'hub-jatim' });
  });

  it('report an endpoint that is not a URL with the other bad keys', () => {
    expect(problemsOf({ OTEL_EXPORTER_OTLP_ENDPOINT: 'collector', LOG_LEVEL: 'loud' })).toHaveLength(2);
  });
});
