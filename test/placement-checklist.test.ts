import { describe, expect, it } from 'vitest';
import { STATUTORY_DOCUMENTS } from '../subgraphs/labour/documents.js';
import { STATUTORY_CHECKLIST } from '../subgraphs/ministry/checklist.js';

// Labour sends the ministry only the documents missing from its checklist; the ministry's evidence
// names every other item as held at the desk, so both services must mean the same checklist.
describe('the statutory placement checklist', () => {
  it('is the same list, in the same order, at the labour desk and in the ministry check', () => {
    expect([...STATUTORY_CHECKLIST]).toEqual([...STATUTORY_DOCUMENTS]);
  });
});
