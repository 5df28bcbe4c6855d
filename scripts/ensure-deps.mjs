// Runs before `npm start` and `npm test` (npm's pre-scripts), with Node alone: installs the exact
// dependencies of package-lock.json when node_modules is missing or does not hold what the lock
// says, so the README's two commands work on a fresh clone. With --bench it does the same for
// bench/package-lock.json (the peer gateways of `npm run bench`, kept in a package of their own).
//
// What is installed is read from node_modules/.package-lock.json, which npm itself writes after
// every `npm ci` or `npm install`: an install made by hand from the current lock counts, and an
// install from another lock (a pull that changed it, an `npm ci --omit=dev`) does not.
import { execSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** @typedef {{ version?: string, resolved?: string, optional?: boolean }} LockEntry */
/** @typedef {{ packages?: Record<string, LockEntry> }} Lock */

/**
 * @param {string} path
 * @returns {Lock}
 */
function readLock(path) {
  /** @type {unknown} */
  const lock = JSON.parse(readFileSync(path, 'utf8'));
  return /** @type {Lock} */ (lock);
}

/**
 * Why node_modules under `prefix` does not match its lock, or undefined when it does.
 * @param {string} prefix
 */
function staleness(prefix) {
  const installedPath = join(prefix, 'node_modules', '.package-lock.json');
  if (!existsSync(installedPath)) return 'nothing installed yet';
  const wanted = readLock(join(prefix, 'package-lock.json')).packages ?? {};
  const installed = readLock(installedPath).packages ?? {};
  for (const [path, entry] of Object.entries(installed)) {
    const lockEntry = wanted[path];
    if (!lockEntry) return `${path} is not in the lock`;
    if (lockEntry.version !== entry.version || lockEntry.resolved !== entry.resolved)
      return `${path} is ${entry.version}, the lock says ${lockEntry.version}`;
  }
  for (const [path, entry] of Object.entries(wanted)) {
    // "" is the project itself; optional packages for another platform are never installed.
    if (path === '' || path in installed || entry.optional) continue;
    return `${path} is missing`;
  }
  return undefined;
}

/**
 * @param {string} prefix
 * @param {string} label
 */
function ensure(prefix, label) {
  const reason = staleness(prefix);
  if (!reason) return;
  console.log(`Installing ${label} from ${join(prefix, 'package-lock.json')} (npm ci: ${reason})...`);
  const where = prefix === '.' ? '' : ` --prefix ${prefix}`;
  execSync(`npm ci${where} --no-audit --no-fund`, { stdio: 'inherit' });
}

ensure('.', 'dependencies');
if (process.argv.includes('--bench')) ensure('bench', "the benchmark's peer gateways");
