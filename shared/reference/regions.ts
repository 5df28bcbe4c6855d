import { readFileSync } from 'node:fs';

/** Administrative levels of the Kemendagri code (kode wilayah). */
export type RegionLevel = 'PROVINCE' | 'REGENCY' | 'DISTRICT' | 'VILLAGE';

export interface RegionRecord {
  /** Dotted Kemendagri code: `35`, `35.07`, `35.07.13`, `35.07.13.2001`. */
  readonly code: string;
  readonly name: string;
  readonly level: RegionLevel;
  readonly parentCode: string | null;
}

const CODE_PATTERN = /^\d{2}(?:\.\d{2}(?:\.\d{2}(?:\.\d{4})?)?)?$/;
const LEVELS: readonly RegionLevel[] = ['PROVINCE', 'REGENCY', 'DISTRICT', 'VILLAGE'];

/** True when the string has the shape of a Kemendagri code at any level. */
export function isRegionCodeFormat(code: string): boolean {
  return CODE_PATTERN.test(code);
}

export function levelOfCode(code: string): RegionLevel {
  const level = LEVELS[code.split('.').length - 1];
  if (!level || !isRegionCodeFormat(code)) throw new Error(`Not a region code: ${code}`);
  return level;
}

export function parentOfCode(code: string): string | null {
  const cut = code.lastIndexOf('.');
  return cut === -1 ? null : code.slice(0, cut);
}

/** Whether `code` lies inside (or is) the region `ancestor`, segment by segment: 35.07 contains 35.07.13. */
export function isWithinRegion(code: string, ancestor: string): boolean {
  return code === ancestor || code.startsWith(`${ancestor}.`);
}

interface RegionIndex {
  readonly byCode: ReadonlyMap<string, RegionRecord>;
  readonly children: ReadonlyMap<string, readonly RegionRecord[]>;
}

let index: RegionIndex | undefined;

function parseReferenceFile(): RegionIndex {
  const text = readFileSync(new URL('./data/regions.txt', import.meta.url), 'utf8');
  const byCode = new Map<string, RegionRecord>();
  const add = (code: string, name: string) => {
    byCode.set(code, { code, name, level: levelOfCode(code), parentCode: parentOfCode(code) });
  };
  for (const line of text.split('\n')) {
    if (line.trim() === '' || line.startsWith('#')) continue;
    const [head = '', ...villages] = line.split(' | ');
    const space = head.indexOf(' ');
    const code = head.slice(0, space);
    add(code, head.slice(space + 1).trim());
    for (const village of villages) {
      const [suffix = '', ...name] = village.split(' ');
      add(`${code}.${suffix}`, name.join(' '));
    }
  }
  const children = new Map<string, RegionRecord[]>();
  for (const region of byCode.values()) {
    if (region.parentCode === null) continue;
    const siblings = children.get(region.parentCode) ?? [];
    siblings.push(region);
    children.set(region.parentCode, siblings);
  }
  return { byCode, children };
}

function regionIndex(): RegionIndex {
  index ??= parseReferenceFile();
  return index;
}

export function findRegion(code: string): RegionRecord | undefined {
  return regionIndex().byCode.get(code);
}

export function childRegions(code: string): readonly RegionRecord[] {
  return regionIndex().children.get(code) ?? [];
}

/** Whether the reference data lists the children of this region (so an unlisted child is unknown, not merely absent). */
export function hasListedChildren(code: string): boolean {
  return childRegions(code).length > 0;
}

export function allRegions(): readonly RegionRecord[] {
  return [...regionIndex().byCode.values()];
}

/** Every village of a region, at any depth below it. */
export function villagesWithin(code: string): readonly RegionRecord[] {
  return allRegions().filter((region) => region.level === 'VILLAGE' && isWithinRegion(region.code, code));
}
