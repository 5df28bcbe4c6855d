import { join } from 'node:path';
import { loadConfig, type HubConfig } from '../shared/config.js';
import { dataDirHolder, DataDirInUseError } from '../shared/db/data-dir-lock.js';
import { STORE_NAMES } from '../shared/db/migrations.js';
import { OperatorError, UsageError, type Command, type CommandOutput } from './hub/command.js';
import {
  commandHelp,
  groupHelp,
  overallHelp,
  printable,
  rawInput,
  runCommand,
  validInput,
} from './hub/command-line.js';
import { findCommand } from './hub/commands/index.js';
import { localContext, localOperator } from './hub/local-context.js';
import { runInRunningHub } from './hub/remote.js';

/**
 * `npm run hub -- <group> <command>`: the operator's one CLI (README "Operations"). While an
 * embedded hub runs, it owns its database and carries the command out itself, so a suspension
 * binds its very next request; otherwise the command runs here, on each service's database.
 */
async function carryOut(
  config: HubConfig,
  command: Command,
  raw: Record<string, unknown>,
): Promise<CommandOutput> {
  const embedded = STORE_NAMES.some((name) => config.database.urls[name] === undefined);
  const directory = join(config.dataDir, 'pglite');
  const holder = embedded ? dataDirHolder(directory) : null;
  if (holder?.adminUrl)
    return runInRunningHub(holder.adminUrl, config.dataDir, command, raw, localOperator());
  if (holder) throw new OperatorError(new DataDirInUseError(directory, holder).message);
  const context = localContext(config);
  try {
    return await runCommand(command, raw, context);
  } catch (error) {
    if (error instanceof DataDirInUseError) throw new OperatorError(error.message);
    throw error;
  } finally {
    await context.close();
  }
}

async function main(argv: readonly string[]): Promise<number> {
  const [group, name, ...rest] = argv;
  const asksHelp = (args: readonly (string | undefined)[]) =>
    args.some((arg) => arg === '--help' || arg === '-h');
  if (group === undefined || asksHelp([group])) {
    console.log(overallHelp());
    return group === undefined ? 2 : 0;
  }
  const command = findCommand(group, name);
  if (!command) {
    const help = groupHelp(group);
    if (help && (name === undefined || asksHelp([name]))) {
      console.log(help);
      return name === undefined ? 2 : 0;
    }
    console.error(
      `There is no command ${[group, name].filter(Boolean).join(' ')}.\n\n${help ?? overallHelp()}`,
    );
    return 2;
  }
  if (asksHelp(rest)) {
    console.log(commandHelp(command));
    return 0;
  }
  let config: HubConfig;
  try {
    const raw = await rawInput(command, rest);
    validInput(command, raw);
    config = loadConfig();
    const output = await carryOut(config, command, raw);
    console.log(printable(output));
    return output.failed ? 1 : 0;
  } catch (error) {
    if (error instanceof UsageError) {
      console.error(`${error.message}\n\n${commandHelp(command)}`);
      return 2;
    }
    // Anything else too is a message for the operator, not a stack trace.
    console.error(error instanceof Error ? error.message : String(error));
    return 1;
  }
}

process.exitCode = await main(process.argv.slice(2));
