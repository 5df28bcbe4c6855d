import { useState } from 'preact/hooks';
import { useQuery } from '../api/use-query.js';
import { SearchRegionsDocument } from '../graphql/__generated__/graphql.js';
import { useT } from '../i18n/index.js';
import { SelectInput } from './form-kit.js';
import { chainBelow, depthOf, VILLAGE_DEPTH } from './region-codes.js';

const LEVEL_OF_DEPTH = ['', 'province', 'regency', 'kecamatan', 'village'] as const;

/**
 * A village (desa/kelurahan) chosen level by level below a region: the kecamatan of the office's
 * regency, then its villages (a province's office picks the regency first). The ministry's
 * `regions(parentCode)` lists each level; the village's code is the value.
 */
export function VillagePicker({
  id,
  rootCode,
  value,
  onValue,
  problem,
  optional,
}: {
  readonly id: string;
  readonly rootCode: string;
  readonly value: string;
  readonly onValue: (code: string) => void;
  readonly problem?: string | undefined;
  readonly optional?: boolean;
}) {
  const [chain, setChain] = useState<string[]>(() => chainBelow(rootCode, value));
  const levels = Math.max(0, VILLAGE_DEPTH - depthOf(rootCode));
  const choose = (index: number, code: string) => {
    const next = [...chain.slice(0, index), ...(code ? [code] : [])];
    setChain(next);
    const last = next[next.length - 1] ?? '';
    onValue(depthOf(last) === VILLAGE_DEPTH ? last : '');
  };
  // One select per level already reached, and the next one to choose.
  const shown = Math.min(levels, chain.length + 1);
  return (
    <>
      {Array.from({ length: shown }, (_, index) => {
        const parent = index === 0 ? rootCode : (chain[index - 1] ?? rootCode);
        const deepest = index === shown - 1;
        return (
          <LevelSelect
            key={parent}
            id={index === levels - 1 ? id : `${id}-${index}`}
            parentCode={parent}
            value={chain[index] ?? ''}
            onValue={(code) => choose(index, code)}
            problem={deepest ? problem : undefined}
            optional={optional ?? false}
          />
        );
      })}
    </>
  );
}

function LevelSelect({
  id,
  parentCode,
  value,
  onValue,
  problem,
  optional,
}: {
  readonly id: string;
  readonly parentCode: string;
  readonly value: string;
  readonly onValue: (code: string) => void;
  readonly problem: string | undefined;
  readonly optional: boolean;
}) {
  const { t } = useT();
  const regions = useQuery(SearchRegionsDocument, { parentCode });
  const level = LEVEL_OF_DEPTH[Math.min(VILLAGE_DEPTH, depthOf(parentCode) + 1)] ?? 'village';
  return (
    <SelectInput
      id={id}
      label={t(`officerForms.region.${level}`)}
      value={value}
      onValue={onValue}
      problem={problem}
      optional={optional}
      disabled={regions.loading && !regions.data}
      placeholder={regions.loading && !regions.data ? t('common.loading') : t('officerForms.form.choose')}
      options={(regions.data?.regions ?? []).map((region) => ({ value: region.code, label: region.name }))}
    />
  );
}
