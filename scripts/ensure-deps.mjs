// Runs before `npm start` and `npm test` (npm's pre-scripts), with Node alone: installs the exact
// dependencies of package-lock.json when node_modules is missing or was installed from another
// lock file, so the README's two commands work on a fresh clone.
import { execSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';

const lock = readFileSync('package-lock.json');
const hash = createHash('sha256').update(lock).digest('hex');
const marker = 'node_modules/.installed-from-lock';
if (!existsSync(marker) || readFileSync(marker, 'utf8') !== hash) {
  console.log('Installing dependencies from package-lock.json (npm ci)...');
  execSync('npm ci --no-audit --no-fund', { stdio: 'inherit' });
  writeFileSync(marker, hash);
}
