import type { Command } from '../command.js';
import { CLIENT_COMMANDS } from './clients.js';
import { DATABASE_COMMANDS } from './database.js';
import { DOCUMENT_COMMANDS } from './documents.js';
import { INSTITUTION_COMMANDS } from './institutions.js';
import { KEY_COMMANDS } from './keys.js';
import { PEOPLE_COMMANDS } from './people.js';
import { STATISTICS_COMMANDS } from './statistics.js';
import { WORKER_COMMANDS } from './workers.js';

/** Every operator command, in the order `npm run hub -- --help` lists them. */
export const COMMANDS: readonly Command[] = [
  ...INSTITUTION_COMMANDS,
  ...CLIENT_COMMANDS,
  ...DOCUMENT_COMMANDS,
  ...PEOPLE_COMMANDS,
  ...KEY_COMMANDS,
  ...WORKER_COMMANDS,
  ...DATABASE_COMMANDS,
  ...STATISTICS_COMMANDS,
];

export function findCommand(group: string | undefined, name: string | undefined): Command | undefined {
  return COMMANDS.find((command) => command.group === group && command.name === name);
}
