import { timingSafeEqual } from 'node:crypto';
import Fastify from 'fastify';
import { z } from 'zod';
import type { HubConfig } from '../../shared/config.js';
import type { DataDirLock } from '../../shared/db/data-dir-lock.js';
import type { Store } from '../../shared/db/database.js';
import type { StoreName } from '../../shared/db/migrations.js';
import type { Logger } from '../../shared/logging.js';
import { issueAdminToken } from './admin-token.js';
import { OperatorError, UsageError, type OperatorContext } from './command.js';
import { runCommand } from './command-line.js';
import { findCommand } from './commands/index.js';

export interface AdminEndpointOptions {
  readonly config: HubConfig;
  readonly storeFor: (name: StoreName) => Store;
  /** Every service re-reads its revocation list now. */
  readonly refreshRevocations: () => Promise<void>;
  /** The gateway re-reads its token keys now. */
  readonly reloadTokenKeys: () => Promise<void>;
  /** The embedded data directory's lock, where the CLI learns this endpoint's address. */
  readonly lock: DataDirLock;
  readonly logger: Logger;
}

const CommandRequest = z.object({
  group: z.string().max(100),
  name: z.string().max(100),
  input: z.record(z.string(), z.unknown()),
  operator: z.string().regex(/^operator:[\w.@-]{1,100}$/),
});

const same = (a: string, b: string) =>
  a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

/**
 * Operator commands carried out by the running embedded hub, the one process that may open its
 * database: `npm run hub` sends them here. Loopback only, a bearer token from the data directory,
 * and the same validation as the CLI's own; the log names the command, never its input.
 */
export async function startAdminEndpoint(options: AdminEndpointOptions): Promise<{ close(): Promise<void> }> {
  const token = await issueAdminToken(options.config.dataDir);
  const app = Fastify({ logger: false, bodyLimit: 1_048_576 });
  app.setErrorHandler((error: { statusCode?: number; message: string }, _request, reply) => {
    const status = error.statusCode && error.statusCode < 500 ? error.statusCode : 500;
    void reply.code(status).send({
      error:
        status < 500
          ? { code: 'BAD_REQUEST', message: error.message }
          : { code: 'INTERNAL', message: 'The command failed; see the hub’s log.' },
    });
  });
  app.post('/commands', async (request, reply) => {
    const authorization = request.headers.authorization ?? '';
    if (!same(authorization, `Bearer ${token}`))
      return reply
        .code(401)
        .send({ error: { code: 'UNAUTHENTICATED', message: 'A valid admin token is required.' } });
    const parsed = CommandRequest.safeParse(request.body);
    if (!parsed.success)
      return reply.code(400).send({ error: { code: 'BAD_REQUEST', message: 'Not a command request.' } });
    const { group, name, input, operator } = parsed.data;
    const command = findCommand(group, name);
    if (!command)
      return reply
        .code(400)
        .send({ error: { code: 'UNKNOWN_COMMAND', message: `There is no command ${group} ${name}.` } });
    const context: OperatorContext = {
      config: options.config,
      inRunningHub: true,
      operator,
      store: (service) => Promise.resolve(options.storeFor(service)),
      revocationsChanged: options.refreshRevocations,
      tokenKeysChanged: options.reloadTokenKeys,
    };
    try {
      const output = await runCommand(command, input, context);
      options.logger.info(
        { command: `${group} ${name}`, operator, outcome: output.failed ? 'failed' : 'ok' },
        'operator command',
      );
      return { output };
    } catch (error) {
      if (error instanceof UsageError || error instanceof OperatorError) {
        options.logger.info(
          { command: `${group} ${name}`, operator, outcome: 'refused' },
          'operator command',
        );
        return reply.code(422).send({
          error: { code: error instanceof UsageError ? 'INVALID_INPUT' : 'REFUSED', message: error.message },
        });
      }
      options.logger.error({ command: `${group} ${name}`, operator, err: error }, 'operator command failed');
      return reply
        .code(500)
        .send({ error: { code: 'INTERNAL', message: 'The command failed; see the hub’s log.' } });
    }
  });
  const address = await app.listen({ host: '127.0.0.1', port: 0 });
  options.lock.describe({ adminUrl: address });
  return { close: () => app.close() };
}
