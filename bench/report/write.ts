import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderMarkdown } from './markdown.js';
import { renderSvg } from './svg.js';
import { evaluateTargets } from './targets.js';
import type { BenchResults } from './types.js';

/** Writes `latest.json` (with its targets), `latest.md` and `latest.svg` into `outDir`; returns the Markdown. */
export function writeResults(outDir: string, results: BenchResults): string {
  mkdirSync(outDir, { recursive: true });
  const markdown = renderMarkdown(results);
  writeFileSync(
    join(outDir, 'latest.json'),
    `${JSON.stringify({ ...results, targets: evaluateTargets(results) }, null, 2)}\n`,
  );
  writeFileSync(join(outDir, 'latest.md'), markdown);
  writeFileSync(join(outDir, 'latest.svg'), renderSvg(results));
  return markdown;
}
