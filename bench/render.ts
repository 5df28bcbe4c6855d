import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { BenchResults } from './report/types.js';
import { writeResults } from './report/write.js';

// `npm run bench:report -- [--results bench/results/latest.json] [--profiles-from other/latest.json]`:
// renders a results file again (targets, Markdown, chart) after the report's code changed, without
// measuring anything again. `--profiles-from` takes the CPU profiles of a separate `--cpu-prof` run,
// whose profiler overhead would otherwise inflate the CPU figures of the run reported.

const USAGE =
  'npm run bench:report -- [--results bench/results/latest.json] [--profiles-from <results of a --cpu-prof run>]';

function readResults(path: string): BenchResults {
  const { targets: _derived, ...results } = JSON.parse(readFileSync(path, 'utf8')) as BenchResults & {
    targets?: unknown;
  };
  if (!Array.isArray(results.results) || !Array.isArray(results.growth))
    throw new Error(`${path} is not the results of npm run bench`);
  return results;
}

function main() {
  const { values } = parseArgs({
    options: { results: { type: 'string' }, 'profiles-from': { type: 'string' } },
    strict: true,
  });
  const path = resolve(values.results ?? 'bench/results/latest.json');
  let results = readResults(path);
  const profilesFrom = values['profiles-from'];
  if (profilesFrom) {
    const profiled = readResults(resolve(profilesFrom));
    if (!profiled.profiles?.length) throw new Error(`${profilesFrom} holds no CPU profiles`);
    const { parameters } = profiled;
    const note =
      `CPU profiles from a separate --cpu-prof run (${profiled.machine.date.slice(0, 10)}, ` +
      `${parameters.mainWorkers.toLocaleString('en-US')} workers, ${parameters.connections} connections, ` +
      `${parameters.rounds ?? 1} round(s) of ${parameters.seconds} s): the profiler's overhead is not in this run's CPU figures.`;
    results = {
      ...results,
      profiles: profiled.profiles,
      parameters: { ...results.parameters, notes: [...results.parameters.notes, note] },
    };
  }
  writeResults(dirname(path), results);
  process.stdout.write(`rendered ${path} and its latest.md, latest.svg\n`);
}

try {
  main();
} catch (error) {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n${USAGE}\n`);
  process.exitCode = 2;
}
