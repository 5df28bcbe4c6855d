import { z } from 'zod';
import { rotateSigningKey } from '../../../gateway/keys.js';
import { STORE_NAMES, type StoreName } from '../../../shared/db/migrations.js';
import { keySealerFor } from '../../../shared/keys/sealing.js';
import { rotateServiceKey, ServiceKeyRing } from '../../../shared/keys/service-keys.js';
import { defineCommand, lines, type OperatorContext } from '../command.js';

const target = z
  .enum(['all', ...STORE_NAMES] as [string, ...string[]])
  .transform((name): StoreName[] => (name === 'all' ? [...STORE_NAMES] : [name as StoreName]));
const SERVICE_ARGUMENT = { name: 'service', shown: `<${STORE_NAMES.join('|')}|all>` };

async function ringOf(context: OperatorContext, service: StoreName) {
  const { db } = await context.store(service);
  return ServiceKeyRing.open(db, service, keySealerFor(context.config, service));
}

const describe = (service: StoreName, ring: ServiceKeyRing) =>
  `${service}: signing with ${ring.activeKid}; published ${ring
    .publicJwks()
    .keys.map((key) => key.kid)
    .join(', ')}`;

const list = defineCommand({
  group: 'keys',
  name: 'list',
  summary: 'Which key each service signs with now, and which it publishes.',
  arguments: [SERVICE_ARGUMENT],
  input: z.object({ service: target }),
  run: async (input, context) => {
    const described: string[] = [];
    for (const service of input.service) described.push(describe(service, await ringOf(context, service)));
    return lines(...described);
  },
});

const rotate = defineCommand({
  group: 'keys',
  name: 'rotate',
  summary: 'A new signing key for a service, published first; the old one stays published a day.',
  arguments: [SERVICE_ARGUMENT],
  options: {
    'publish-first': {
      type: 'string',
      optional: true,
      description: 'seconds to publish the new key before signing with it (0 to 86400)',
    },
  },
  input: z.object({
    service: target,
    'publish-first': z.coerce.number().int().min(0).max(86_400).default(0),
  }),
  examples: ['keys rotate labour --publish-first 60'],
  run: async (input, context) => {
    const publishFirst = input['publish-first'];
    const said: string[] = [];
    for (const service of input.service) {
      const { db } = await context.store(service);
      const kid = await rotateServiceKey(db, service, keySealerFor(context.config, service), {
        activateInSeconds: publishFirst,
      });
      said.push(
        `${service}: new key ${kid}${publishFirst ? `, signing from ${publishFirst} s from now` : ''}`,
      );
      said.push(describe(service, await ringOf(context, service)));
    }
    said.push('Running services pick the new key up within 30 seconds.');
    return lines(...said);
  },
});

const exportPublic = defineCommand({
  group: 'keys',
  name: 'export-public',
  summary: 'The public keys as a HUB_PINNED_KEYS_FILE for the other services (JSON).',
  arguments: [SERVICE_ARGUMENT],
  input: z.object({ service: target }),
  run: async (input, context) => {
    const pinned: Record<string, unknown> = {};
    for (const service of input.service) pinned[service] = (await ringOf(context, service)).publicJwks();
    return { json: pinned };
  },
});

const rotateTokenKey = defineCommand({
  group: 'keys',
  name: 'rotate-token-key',
  summary: 'A new key for the access tokens the gateway issues; earlier tokens stay valid until they expire.',
  input: z.object({}),
  run: async (_input, context) => {
    const { db } = await context.store('gateway');
    const kid = await rotateSigningKey(db, keySealerFor(context.config, 'gateway'));
    await context.tokenKeysChanged();
    return lines(
      `new token signing key ${kid}; ${context.inRunningHub ? 'the gateway signs with it from now on' : 'running gateways sign with it after a restart'}`,
    );
  },
});

export const KEY_COMMANDS = [list, rotate, exportPublic, rotateTokenKey];
