import { readFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import type { Machine } from './types.js';

function osName(): string {
  try {
    const release = readFileSync('/etc/os-release', 'utf8');
    return /^PRETTY_NAME="?([^"\n]+)"?/m.exec(release)?.[1] ?? process.platform;
  } catch {
    return process.platform;
  }
}

/** The machine a run measured on, as the report states it. */
export function describeMachine(postgres: string): Machine {
  const processors = cpus();
  return {
    cpu: processors[0]?.model.trim() ?? 'unknown CPU',
    cores: processors.length,
    memoryGb: Math.round(totalmem() / 1024 ** 3),
    os: osName(),
    node: process.version,
    postgres,
    date: new Date().toISOString(),
  };
}
