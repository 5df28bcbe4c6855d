import { z } from 'zod';
import type { InstitutionKind } from './auth/principal.js';

/** The four institution subgraphs, in the order they are started and composed. */
export const SUBGRAPH_NAMES = ['labour', 'ministry', 'training', 'university'] as const;
export type SubgraphName = (typeof SUBGRAPH_NAMES)[number];

const port = z.coerce.number().int().min(0).max(65535);
// An empty variable (`DATABASE_URL=`) means unset, as shells and compose files commonly write it.
const optionalUrl = z.preprocess((value) => (value === '' ? undefined : value), z.url().optional());
const optionalPath = z.preprocess(
  (value) => (value === '' ? undefined : value),
  z.string().min(1).optional(),
);
const secret = z.preprocess(
  (value) => (value === '' ? undefined : value),
  z.string().min(32, 'must be at least 32 characters').optional(),
);

/**
 * Every setting of every service, parsed from the environment once at start. Unset keys take the
 * defaults of the embedded development hub, so `npm start` needs no configuration at all.
 */
const configSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    HOST: z.string().min(1).default('127.0.0.1'),
    HUB_DATA_DIR: z.string().min(1).default('.data'),

    DATABASE_URL: optionalUrl,
    LABOUR_DATABASE_URL: optionalUrl,
    MINISTRY_DATABASE_URL: optionalUrl,
    TRAINING_DATABASE_URL: optionalUrl,
    UNIVERSITY_DATABASE_URL: optionalUrl,
    GATEWAY_DATABASE_URL: optionalUrl,
    DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(10),

    GATEWAY_PORT: port.default(4000),
    LABOUR_PORT: port.default(4001),
    MINISTRY_PORT: port.default(4002),
    TRAINING_PORT: port.default(4003),
    UNIVERSITY_PORT: port.default(4004),
    LABOUR_URL: optionalUrl,
    MINISTRY_URL: optionalUrl,
    TRAINING_URL: optionalUrl,
    UNIVERSITY_URL: optionalUrl,
    /** Where subgraphs fetch the gateway's public signing keys (and send narrow calls through the graph). */
    GATEWAY_URL: optionalUrl,

    TOKEN_ISSUER: z.url().default('http://127.0.0.1:4000'),
    // An absolute URI, as RFC 8707 resource indicators must be.
    TOKEN_AUDIENCE: z.url().default('urn:migran-center:hub'),
    TOKEN_TTL_SECONDS: z.coerce.number().int().min(30).max(3600).default(600),
    /** How stale a service's list of suspended clients may be; 0 re-reads it on every request. */
    REVOCATION_MAX_AGE_MS: z.coerce.number().int().min(0).max(60_000).default(1_000),

    // Each service's own key-encryption key (KEK), under which its private signing keys are kept
    // at rest (shared/keys/sealing.ts). Given inline or as a file (a mounted secret); never shared
    // between services. Outside production an unset KEK is made once in `<HUB_DATA_DIR>/secrets`.
    GATEWAY_KEY_ENCRYPTION_KEY: secret,
    GATEWAY_KEY_ENCRYPTION_KEY_FILE: optionalPath,
    LABOUR_KEY_ENCRYPTION_KEY: secret,
    LABOUR_KEY_ENCRYPTION_KEY_FILE: optionalPath,
    MINISTRY_KEY_ENCRYPTION_KEY: secret,
    MINISTRY_KEY_ENCRYPTION_KEY_FILE: optionalPath,
    TRAINING_KEY_ENCRYPTION_KEY: secret,
    TRAINING_KEY_ENCRYPTION_KEY_FILE: optionalPath,
    UNIVERSITY_KEY_ENCRYPTION_KEY: secret,
    UNIVERSITY_KEY_ENCRYPTION_KEY_FILE: optionalPath,
    /**
     * Pinned public keys of the hub's services: a JSON file `{ "<service>": { "keys": [JWK...] } }`.
     * A pinned service's keys are never fetched; the others' come from their own
     * `/.well-known/hub-keys.json`.
     */
    HUB_PINNED_KEYS_FILE: optionalPath,
    /** How far a signed internal request's timestamp may lie from this service's clock (seconds). */
    SIGNED_REQUEST_WINDOW_SECONDS: z.coerce.number().int().min(5).max(300).default(30),

    /** A grantee uses its consent copies only while labour's last heartbeat is at most this old. */
    CONSENT_COPY_MAX_AGE_SECONDS: z.coerce.number().int().min(1).max(86_400).default(60),
    /** How often labour retries undelivered consent facts and sends its heartbeat to each grantee. */
    CONSENT_DELIVERY_INTERVAL_MS: z.coerce.number().int().min(20).max(60_000).default(5_000),
    /** How long labour waits for a grantee to acknowledge one delivery. */
    CONSENT_DELIVERY_TIMEOUT_MS: z.coerce.number().int().min(50).max(60_000).default(2_000),

    // Each subgraph signs its access-log chain head for the witnesses (shared/audit/witness*.ts):
    // after this many events at the latest, and at least this often while the chain moves.
    AUDIT_HEAD_EVERY_EVENTS: z.coerce.number().int().min(1).max(1_000_000).default(500),
    AUDIT_HEAD_INTERVAL_SECONDS: z.coerce.number().int().min(1).max(60).default(60),
    /** How often each subgraph looks at its chain head (one indexed read); tests set it high. */
    AUDIT_HEAD_CHECK_SECONDS: z.coerce.number().int().min(1).max(86_400).default(5),

    /** Labour's key for the keyed hash under which its access log keeps the NIKs it was asked to look up. */
    NIK_PSEUDONYM_KEY: z.string().min(32, 'must be at least 32 characters').optional(),

    // Limits at the gateway, and at each subgraph for requests the gateway did not sign (README
    // "Security"); every one can be changed here.
    LIMIT_BODY_BYTES: z.coerce.number().int().min(1_024).max(10_485_760).default(262_144),
    LIMIT_MAX_DEPTH: z.coerce.number().int().min(2).max(50).default(10),
    LIMIT_MAX_ALIASES: z.coerce.number().int().min(0).max(500).default(15),
    LIMIT_MAX_DIRECTIVES: z.coerce.number().int().min(0).max(500).default(10),
    LIMIT_MAX_TOKENS: z.coerce.number().int().min(100).max(100_000).default(2_000),
    LIMIT_MAX_FIELDS: z.coerce.number().int().min(10).max(100_000).default(1_000),
    /** About one per object a request could return (shared/limits/cost.ts). */
    LIMIT_MAX_COST: z.coerce.number().int().min(100).max(1_000_000).default(10_000),
    LIMIT_REQUEST_TIMEOUT_MS: z.coerce.number().int().min(100).max(300_000).default(15_000),
    LIMIT_SUBGRAPH_TIMEOUT_MS: z.coerce.number().int().min(100).max(300_000).default(10_000),
    RATE_LIMIT_LABOUR_OFFICE: z.coerce.number().int().min(1).max(1_000_000).default(1_200),
    RATE_LIMIT_MINISTRY: z.coerce.number().int().min(1).max(1_000_000).default(2_400),
    RATE_LIMIT_TRAINING_PROVIDER: z.coerce.number().int().min(1).max(1_000_000).default(600),
    RATE_LIMIT_UNIVERSITY: z.coerce.number().int().min(1).max(1_000_000).default(600),
    RATE_LIMIT_TOKEN_REQUESTS: z.coerce.number().int().min(1).max(100_000).default(30),

    /** A console session unused this long ends (minutes). */
    CONSOLE_SESSION_IDLE_MINUTES: z.coerce
      .number()
      .int()
      .min(1)
      .max(24 * 60)
      .default(30),
    /** A console session ends this long after sign-in, however busy (hours). */
    CONSOLE_SESSION_MAX_HOURS: z.coerce.number().int().min(1).max(72).default(10),

    /** The bundled GraphiQL at `/explorer`; unset means on outside production, off in it. */
    EXPLORER_ENABLED: z.stringbool().optional(),

    // OpenTelemetry's own variables (README "Tracing"): spans are exported over OTLP/HTTP only when
    // an endpoint is set; unset, no tracer provider exists and tracing costs nothing.
    OTEL_EXPORTER_OTLP_ENDPOINT: optionalUrl,
    OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: optionalUrl,
    OTEL_SERVICE_NAME: z.preprocess(
      (value) => (value === '' ? undefined : value),
      z.string().min(1).max(200).optional(),
    ),

    SEED_DEMO_DATA: z.stringbool().default(true),
    SEED_WORKERS: z.coerce.number().int().min(0).max(2_000_000).default(3200),
  })
  .readonly();

type RawConfig = z.infer<typeof configSchema>;

export interface ServiceEndpoint {
  readonly port: number;
  /** URL other services use to reach this one. */
  readonly url: string;
}

/** Where a service's key-encryption key comes from: given inline, or a file to read. */
export interface KeyEncryptionKeySource {
  readonly value: string | undefined;
  readonly file: string | undefined;
}

export interface HubConfig {
  readonly env: RawConfig['NODE_ENV'];
  readonly production: boolean;
  readonly logLevel: RawConfig['LOG_LEVEL'];
  readonly host: string;
  readonly dataDir: string;
  readonly database: {
    /** PostgreSQL URL per store; undefined means the embedded PostgreSQL (PGlite) in `dataDir`. */
    readonly urls: Readonly<Record<SubgraphName | 'gateway', string | undefined>>;
    readonly poolSize: number;
  };
  readonly gateway: ServiceEndpoint;
  readonly subgraphs: Readonly<Record<SubgraphName, ServiceEndpoint>>;
  readonly tokens: {
    readonly issuer: string;
    readonly audience: string;
    readonly ttlSeconds: number;
    readonly revocationMaxAgeMs: number;
  };
  readonly seed: { readonly demoData: boolean; readonly workers: number };
  /** Where spans go (README "Tracing"); no endpoint, no spans. */
  readonly tracing: TracingSettings;
  /** How long a person's console session may idle and last. */
  readonly console: { readonly idleMinutes: number; readonly maxHours: number };
  /** Whether the gateway serves the bundled explorer (GraphiQL) at `/explorer`. */
  readonly explorer: { readonly enabled: boolean };
  /** The keys of the hub's services (README "Keys"): each service's KEK, pinned peers, signature window. */
  readonly keys: {
    readonly encryption: Readonly<Record<SubgraphName | 'gateway', KeyEncryptionKeySource>>;
    readonly pinnedFile: string | undefined;
    readonly signedRequestWindowSeconds: number;
  };
  /**
   * Key of the keyed hash (HMAC-SHA256) that stands for a looked-up NIK in labour's access log.
   * Unset outside production: a random key per start, so lookups cannot be matched across restarts.
   * The labour subgraph refuses to start in production without it (`labourProductionProblems`).
   */
  readonly nikPseudonymKey: string | undefined;
  /** When each subgraph signs its chain head for the witnesses (README "Access log"). */
  readonly audit: {
    readonly headEveryEvents: number;
    readonly headIntervalMs: number;
    readonly headCheckMs: number;
  };
  /** Labour's consent outbox and the grantees' copies (README "Consent"). */
  readonly consent: {
    readonly copyMaxAgeSeconds: number;
    readonly deliveryIntervalMs: number;
    readonly deliveryTimeoutMs: number;
  };
  readonly limits: {
    readonly bodyBytes: number;
    readonly maxDepth: number;
    readonly maxAliases: number;
    readonly maxDirectives: number;
    readonly maxTokens: number;
    /** Fields in one operation, each fragment counted wherever it is spread. */
    readonly maxFields: number;
    readonly maxCost: number;
    readonly requestTimeoutMs: number;
    readonly subgraphTimeoutMs: number;
  };
  /** Requests per minute per client, by institution kind; and token requests per minute per client. */
  readonly rateLimits: Readonly<Record<InstitutionKind, number>> & { readonly tokenRequests: number };
}

/** Where a service exports its spans, and under which `service.name`. */
export interface TracingSettings {
  /** The OTLP/HTTP traces URL (`.../v1/traces`); undefined means tracing is off. */
  readonly tracesEndpoint: string | undefined;
  /** `service.name` of the spans; undefined means each service's own name (`gateway`, `labour`, ...). */
  readonly serviceName: string | undefined;
}

/**
 * The traces URL for a base OTLP endpoint: the specification appends `v1/traces` to
 * OTEL_EXPORTER_OTLP_ENDPOINT, whereas OTEL_EXPORTER_OTLP_TRACES_ENDPOINT is used as it is.
 */
function tracesUrlOf(base: string | undefined): string | undefined {
  if (base === undefined) return undefined;
  return `${base.endsWith('/') ? base : `${base}/`}v1/traces`;
}

export class ConfigError extends Error {
  constructor(readonly issues: readonly string[]) {
    super(`Invalid configuration:\n${issues.map((issue) => `  - ${issue}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Parses the environment; reports every invalid key at once rather than the first one. */
export function loadConfig(env: Readonly<Record<string, string | undefined>> = process.env): HubConfig {
  const parsed = configSchema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`));
  }
  const raw = parsed.data;
  const local = (p: number, path = '') => `http://${raw.HOST}:${p}${path}`;
  const subgraph = (portValue: number, url: string | undefined): ServiceEndpoint => ({
    port: portValue,
    url: url ?? local(portValue, '/graphql'),
  });
  const config: HubConfig = {
    env: raw.NODE_ENV,
    production: raw.NODE_ENV === 'production',
    logLevel: raw.LOG_LEVEL,
    host: raw.HOST,
    dataDir: raw.HUB_DATA_DIR,
    database: {
      urls: {
        labour: raw.LABOUR_DATABASE_URL ?? raw.DATABASE_URL,
        ministry: raw.MINISTRY_DATABASE_URL ?? raw.DATABASE_URL,
        training: raw.TRAINING_DATABASE_URL ?? raw.DATABASE_URL,
        university: raw.UNIVERSITY_DATABASE_URL ?? raw.DATABASE_URL,
        gateway: raw.GATEWAY_DATABASE_URL ?? raw.DATABASE_URL,
      },
      poolSize: raw.DATABASE_POOL_SIZE,
    },
    gateway: { port: raw.GATEWAY_PORT, url: raw.GATEWAY_URL ?? local(raw.GATEWAY_PORT) },
    subgraphs: {
      labour: subgraph(raw.LABOUR_PORT, raw.LABOUR_URL),
      ministry: subgraph(raw.MINISTRY_PORT, raw.MINISTRY_URL),
      training: subgraph(raw.TRAINING_PORT, raw.TRAINING_URL),
      university: subgraph(raw.UNIVERSITY_PORT, raw.UNIVERSITY_URL),
    },
    tokens: {
      issuer: raw.TOKEN_ISSUER,
      audience: raw.TOKEN_AUDIENCE,
      ttlSeconds: raw.TOKEN_TTL_SECONDS,
      revocationMaxAgeMs: raw.REVOCATION_MAX_AGE_MS,
    },
    seed: { demoData: raw.SEED_DEMO_DATA, workers: raw.SEED_WORKERS },
    tracing: {
      tracesEndpoint: raw.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT ?? tracesUrlOf(raw.OTEL_EXPORTER_OTLP_ENDPOINT),
      serviceName: raw.OTEL_SERVICE_NAME,
    },
    console: { idleMinutes: raw.CONSOLE_SESSION_IDLE_MINUTES, maxHours: raw.CONSOLE_SESSION_MAX_HOURS },
    explorer: { enabled: raw.EXPLORER_ENABLED ?? raw.NODE_ENV !== 'production' },
    nikPseudonymKey: raw.NIK_PSEUDONYM_KEY,
    audit: {
      headEveryEvents: raw.AUDIT_HEAD_EVERY_EVENTS,
      headIntervalMs: raw.AUDIT_HEAD_INTERVAL_SECONDS * 1000,
      headCheckMs: raw.AUDIT_HEAD_CHECK_SECONDS * 1000,
    },
    consent: {
      copyMaxAgeSeconds: raw.CONSENT_COPY_MAX_AGE_SECONDS,
      deliveryIntervalMs: raw.CONSENT_DELIVERY_INTERVAL_MS,
      deliveryTimeoutMs: raw.CONSENT_DELIVERY_TIMEOUT_MS,
    },
    keys: {
      encryption: {
        gateway: { value: raw.GATEWAY_KEY_ENCRYPTION_KEY, file: raw.GATEWAY_KEY_ENCRYPTION_KEY_FILE },
        labour: { value: raw.LABOUR_KEY_ENCRYPTION_KEY, file: raw.LABOUR_KEY_ENCRYPTION_KEY_FILE },
        ministry: { value: raw.MINISTRY_KEY_ENCRYPTION_KEY, file: raw.MINISTRY_KEY_ENCRYPTION_KEY_FILE },
        training: { value: raw.TRAINING_KEY_ENCRYPTION_KEY, file: raw.TRAINING_KEY_ENCRYPTION_KEY_FILE },
        university: {
          value: raw.UNIVERSITY_KEY_ENCRYPTION_KEY,
          file: raw.UNIVERSITY_KEY_ENCRYPTION_KEY_FILE,
        },
      },
      pinnedFile: raw.HUB_PINNED_KEYS_FILE,
      signedRequestWindowSeconds: raw.SIGNED_REQUEST_WINDOW_SECONDS,
    },
    limits: {
      bodyBytes: raw.LIMIT_BODY_BYTES,
      maxDepth: raw.LIMIT_MAX_DEPTH,
      maxAliases: raw.LIMIT_MAX_ALIASES,
      maxDirectives: raw.LIMIT_MAX_DIRECTIVES,
      maxTokens: raw.LIMIT_MAX_TOKENS,
      maxFields: raw.LIMIT_MAX_FIELDS,
      maxCost: raw.LIMIT_MAX_COST,
      requestTimeoutMs: raw.LIMIT_REQUEST_TIMEOUT_MS,
      subgraphTimeoutMs: raw.LIMIT_SUBGRAPH_TIMEOUT_MS,
    },
    rateLimits: {
      LABOUR_OFFICE: raw.RATE_LIMIT_LABOUR_OFFICE,
      MINISTRY: raw.RATE_LIMIT_MINISTRY,
      TRAINING_PROVIDER: raw.RATE_LIMIT_TRAINING_PROVIDER,
      UNIVERSITY: raw.RATE_LIMIT_UNIVERSITY,
      tokenRequests: raw.RATE_LIMIT_TOKEN_REQUESTS,
    },
  };
  const problems = [...productionProblems(config), ...retiredSettingProblems(env, config.production)];
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}

/**
 * `ACCESS_LOG` once turned the log of reads off; no setting does now (the benchmark's log-off leg
 * is a programmatic option production refuses, `SubgraphDependencies.recordReads`). A production
 * hub told otherwise refuses to start, so that its operator learns the setting does nothing.
 */
function retiredSettingProblems(env: Readonly<Record<string, string | undefined>>, production: boolean) {
  const accessLog = env['ACCESS_LOG'];
  if (!production || accessLog === undefined || accessLog === '' || accessLog === 'on') return [];
  return [
    `ACCESS_LOG=${JSON.stringify(accessLog.slice(0, 40))} does nothing: the access log cannot be turned off; unset ACCESS_LOG`,
  ];
}

/**
 * What makes a configuration unfit for production, all at once: a production hub refuses to start
 * with demo data or development defaults (each service's own key is its own check,
 * `serviceProductionProblems`).
 */
export function productionProblems(config: HubConfig): string[] {
  if (!config.production) return [];
  const problems: string[] = [];
  if (config.seed.demoData)
    problems.push('SEED_DEMO_DATA must be false in production: demo credentials are public');
  const issuer = new URL(config.tokens.issuer);
  if (issuer.protocol !== 'https:' || ['127.0.0.1', 'localhost'].includes(issuer.hostname)) {
    problems.push('TOKEN_ISSUER must be the public https URL of the gateway in production');
  }
  return problems;
}

/**
 * What one service needs in production beyond what every service needs: its own key-encryption
 * key, so that its private keys are never kept in the clear and never made up at start.
 */
export function serviceProductionProblems(config: HubConfig, service: SubgraphName | 'gateway'): string[] {
  if (!config.production) return [];
  const source = config.keys.encryption[service];
  if (source.value || source.file) return [];
  const name = service.toUpperCase();
  return [
    `${name}_KEY_ENCRYPTION_KEY or ${name}_KEY_ENCRYPTION_KEY_FILE must be set in production: the ${service} service keeps its private keys only encrypted under its own key`,
  ];
}

/** What the labour subgraph needs in production beyond what every service needs. */
export function labourProductionProblems(config: HubConfig): string[] {
  if (!config.production || config.nikPseudonymKey) return [];
  return [
    'NIK_PSEUDONYM_KEY must be set (at least 32 characters) in production: labour keeps looked-up NIKs in its access log only under it',
  ];
}
