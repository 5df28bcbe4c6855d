import { OperatorError, UsageError, type Command, type CommandOutput } from './command.js';
import { readAdminToken } from './admin-token.js';

/** A command sent to the running hub that owns the embedded database (`startAdminEndpoint`). */
export async function runInRunningHub(
  adminUrl: string,
  dataDir: string,
  command: Command,
  input: Record<string, unknown>,
  operator: string,
): Promise<CommandOutput> {
  let token: string;
  try {
    token = await readAdminToken(dataDir);
  } catch {
    throw new OperatorError(
      `The hub running on ${dataDir} takes commands only from someone who can read its admin token (${dataDir}/secrets/admin-token).`,
    );
  }
  let response: Response;
  try {
    response = await fetch(new URL('/commands', adminUrl), {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ group: command.group, name: command.name, input, operator }),
    });
  } catch (error) {
    throw new OperatorError(`The running hub did not answer at ${adminUrl}: ${(error as Error).message}`);
  }
  const body = (await response.json().catch(() => null)) as {
    output?: CommandOutput;
    error?: { code: string; message: string };
  } | null;
  if (response.ok && body?.output) return body.output;
  const message = body?.error?.message ?? `The running hub answered ${response.status}.`;
  throw body?.error?.code === 'INVALID_INPUT' ? new UsageError(message) : new OperatorError(message);
}
