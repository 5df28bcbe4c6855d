import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { COMMANDS } from './commands/index.js';
import { UsageError, type Command, type CommandOutput, type OperatorContext } from './command.js';

const PREFIX = 'npm run hub --';

function synopsis(command: Command): string {
  const options = Object.entries(command.options ?? {}).map(([name, spec]) =>
    spec.type === 'boolean'
      ? `[--${name}]`
      : spec.optional
        ? `[--${name} <${spec.file ? 'file' : 'value'}>]`
        : `--${name} <${spec.file ? 'file' : 'value'}>`,
  );
  const positionals = (command.arguments ?? []).map((argument) => argument.shown ?? `<${argument.name}>`);
  return [PREFIX, command.group, command.name, ...positionals, ...options].join(' ');
}

/** `npm run hub -- --help`: every command with what it does. */
export function overallHelp(): string {
  const groups = [...new Set(COMMANDS.map((command) => command.group))];
  return [
    'The Migran Center hub’s operator commands. While an embedded hub runs they are carried out by it',
    '(it owns its database); otherwise on each service’s DATABASE_URL or the embedded data directory.',
    '',
    ...groups.flatMap((group) => [
      `${group}:`,
      ...COMMANDS.filter((command) => command.group === group).map(
        (command) => `  ${`${command.group} ${command.name}`.padEnd(26)} ${command.summary}`,
      ),
      '',
    ]),
    `${PREFIX} <group> <command> --help   tells more about one command.`,
  ].join('\n');
}

export function groupHelp(group: string): string | null {
  const commands = COMMANDS.filter((command) => command.group === group);
  if (commands.length === 0) return null;
  return commands.map((command) => `${synopsis(command)}\n    ${command.summary}`).join('\n');
}

export function commandHelp(command: Command): string {
  const options = Object.entries(command.options ?? {}).map(
    ([name, spec]) => `  --${name.padEnd(16)} ${spec.description}`,
  );
  return [
    synopsis(command),
    '',
    command.summary,
    ...(options.length > 0 ? ['', 'Options:', ...options] : []),
    ...(command.examples?.length
      ? ['', 'Example:', ...command.examples.map((line) => `  ${PREFIX} ${line}`)]
      : []),
  ].join('\n');
}

/**
 * Turns a command's arguments into its raw input by name, with the content of file options in
 * place of their paths (the running hub may not see the operator's files). Validation is the
 * command's own schema, applied here and again by whoever runs it.
 */
export async function rawInput(command: Command, args: readonly string[]): Promise<Record<string, unknown>> {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...args],
      allowPositionals: true,
      strict: true,
      options: Object.fromEntries(
        Object.entries(command.options ?? {}).map(([name, spec]) => [name, { type: spec.type }]),
      ),
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const names = (command.arguments ?? []).map((argument) => argument.name);
  if (parsed.positionals.length > names.length)
    throw new UsageError(`Unexpected argument ${parsed.positionals[names.length]}.`);
  const raw: Record<string, unknown> = { ...parsed.values };
  names.forEach((name, index) => {
    if (parsed.positionals[index] !== undefined) raw[name] = parsed.positionals[index];
  });
  for (const [name, spec] of Object.entries(command.options ?? {})) {
    if (!spec.file || typeof raw[name] !== 'string') continue;
    try {
      raw[name] = await readFile(raw[name], 'utf8');
    } catch (error) {
      throw new UsageError(
        `Cannot read --${name} ${raw[name] as string}: ${(error as NodeJS.ErrnoException).code}`,
      );
    }
  }
  return raw;
}

/** Validates raw input with the command's schema; a refusal names each problem. */
export function validInput(command: Command, raw: unknown): unknown {
  const result = command.input.safeParse(raw);
  if (result.success) return result.data;
  throw new UsageError(
    result.error.issues
      .map((issue) => `${issue.path.length > 0 ? `${issue.path.join('.')}: ` : ''}${issue.message}`)
      .join('\n'),
  );
}

/** Validates and runs a command where it is: the CLI's own process or the running hub. */
export async function runCommand(
  command: Command,
  raw: unknown,
  context: OperatorContext,
): Promise<CommandOutput> {
  return command.run(validInput(command, raw), context);
}

export function printable(output: CommandOutput): string {
  return 'json' in output ? JSON.stringify(output.json, null, 2) : output.lines.join('\n');
}
