import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { regionsMigrationSql } from './regions-migration.js';

describe('regions migration', () => {
  it('is exactly what the script makes from the reference data, so the table and the validation agree', () => {
    const folder = new URL('./migrations/', import.meta.url);
    const file = readdirSync(folder).find((name) => name.endsWith('_regions.sql'));
    expect(file).toBeDefined();
    expect(readFileSync(new URL(file ?? '', folder), 'utf8')).toBe(regionsMigrationSql());
  });
});
