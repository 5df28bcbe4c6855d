import { randomInt } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';

function canListen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

/** The first port of the kernel's ephemeral range (where `listen(0)` and outgoing connections draw from). */
function ephemeralLow(): number {
  try {
    const low = Number(readFileSync('/proc/sys/net/ipv4/ip_local_port_range', 'utf8').trim().split(/\s+/)[0]);
    return Number.isInteger(low) && low > 11_000 ? low : 32_768;
  } catch {
    return 32_768;
  }
}

/**
 * Free loopback ports for services started in other processes, drawn below the ephemeral range.
 * A port the kernel hands out for `listen(0)` is free again once probed, so another test file's
 * hub (or any outgoing connection) may be given it before the service binds it, and a readiness
 * probe would then reach someone else's service.
 */
export async function freePorts(count: number): Promise<number[]> {
  const high = ephemeralLow();
  const ports = new Set<number>();
  for (let attempt = 0; ports.size < count && attempt < 200; attempt += 1) {
    const port = 10_000 + randomInt(high - 10_000);
    if (!ports.has(port) && (await canListen(port))) ports.add(port);
  }
  if (ports.size < count) throw new Error('no free loopback ports for the hub processes');
  return [...ports];
}

/** One free loopback port (see `freePorts`). */
export async function freePort(): Promise<number> {
  const [port] = await freePorts(1);
  return port as number;
}
