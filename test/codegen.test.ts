import { readFileSync } from 'node:fs';
import { generate } from '@graphql-codegen/cli';
import { describe, expect, it } from 'vitest';
import { codegenConfig } from '../codegen.js';

describe('generated resolver types', () => {
  it('match the SDL they are generated from (run `npm run codegen` after changing schema/)', async () => {
    const files = (await generate({ ...codegenConfig(), cwd: process.cwd() }, false)) as {
      filename: string;
      content: string;
    }[];
    expect(files.map((file) => file.filename).sort()).toEqual(
      ['labour', 'ministry', 'training', 'university'].map(
        (name) => `subgraphs/${name}/__generated__/resolvers-types.ts`,
      ),
    );
    for (const file of files) {
      expect(readFileSync(file.filename, 'utf8'), file.filename).toBe(file.content);
    }
  }, 60_000);
});
