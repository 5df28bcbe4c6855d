import { pino, type Logger as PinoLogger, type LevelWithSilent } from 'pino';

export type Logger = PinoLogger;

/**
 * Structured JSON logs. Credentials never reach a log line: authorization headers, tokens and
 * client secrets are redacted wherever they appear.
 */
export function createLogger(service: string, level: LevelWithSilent): Logger {
  return pino({
    name: service,
    level,
    redact: {
      paths: [
        'req.headers.authorization',
        'headers.authorization',
        '*.authorization',
        '*.clientSecret',
        '*.client_secret',
        'clientSecret',
        'client_secret',
        '*.token',
        'token',
        '*.access_token',
      ],
      censor: '[redacted]',
    },
  });
}
