import type { z } from 'zod';
import type { HubConfig } from '../../shared/config.js';
import type { Store } from '../../shared/db/database.js';
import type { StoreName } from '../../shared/db/migrations.js';

/**
 * What a command prints: lines for a person, or one JSON document for a program; `failed` when it
 * found a problem to report (the CLI exits with 1, as `audit verify` does on a broken chain).
 */
export type CommandOutput = ({ readonly lines: readonly string[] } | { readonly json: unknown }) & {
  readonly failed?: boolean;
};

/** Where a command runs: in the CLI's own process, or inside the running hub that owns the database. */
export interface OperatorContext {
  readonly config: HubConfig;
  /** The store of one service (opened and migrated on first use when the CLI runs on its own). */
  store(name: StoreName): Promise<Store>;
  /**
   * Told after a client was suspended or a person disabled: inside a running hub every service
   * re-reads its revocation list now, so the very next request is refused. On its own the CLI
   * cannot reach them; running gateways re-read within REVOCATION_MAX_AGE_MS.
   */
  revocationsChanged(): Promise<void>;
  /** Told after the gateway's token keys rotated: a running hub's gateway signs with the new key now. */
  tokenKeysChanged(): Promise<void>;
  /** True inside a running hub, whose services see a change at once. */
  readonly inRunningHub: boolean;
  /** The operator, as the access log names who read a worker's record (`operator:<login>`). */
  readonly operator: string;
}

export interface OptionSpec {
  readonly type: 'string' | 'boolean';
  readonly description: string;
  /** A path whose content the CLI reads and sends in its place (the hub may not see the file). */
  readonly file?: true;
  /** Shown in brackets by the help; the input schema decides what is required. */
  readonly optional?: true;
}

/** One operator command: `npm run hub -- <group> <name> [arguments] [--options]`. */
export interface Command<Input = unknown> {
  readonly group: string;
  readonly name: string;
  readonly summary: string;
  /** Positional arguments in order, by input name; `shown` is how the help writes one (`<name>` otherwise). */
  readonly arguments?: readonly { readonly name: string; readonly shown?: string }[];
  readonly options?: Readonly<Record<string, OptionSpec>>;
  /** Positionals and options by name, validated the same way by the CLI and by the running hub. */
  readonly input: z.ZodType<Input>;
  readonly examples?: readonly string[];
  run(input: Input, context: OperatorContext): Promise<CommandOutput>;
}

/** A refusal for the operator (unknown client, a scope beyond the institution's kind): exit code 1. */
export class OperatorError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'OperatorError';
  }
}

/** A command line the CLI cannot make sense of: exit code 2, with the command's help. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** Keeps each command's input type while the registry holds them all. */
export const defineCommand = <Input>(command: Command<Input>): Command => command;

export const lines = (...text: readonly string[]): CommandOutput => ({ lines: text });
