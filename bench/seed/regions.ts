import type { CopySet } from './copy.js';
import type { Geography } from './geography.js';

/**
 * Adds the kecamatan and villages the seed had to number itself (the reference data lists them
 * only for Malang, Blitar and Batu) to the ministry's region table, so that `Worker.district` and
 * the regional views resolve for every seeded worker. Their names say they are generated.
 */
export function writeGeneratedRegions(copy: CopySet, geography: Geography): void {
  for (const district of geography.districts) {
    const place = district.regency.name.replace(/^(Kabupaten|Kota) /, '');
    if (!district.listed.district) {
      copy
        .to('ministry.regions')
        .row([
          district.code,
          `${place} ${district.code.slice(-2)} (generated)`,
          'DISTRICT',
          district.regency.code,
        ]);
    }
    if (district.listed.villages) continue;
    district.villageCodes.forEach((code, n) => {
      copy
        .to('ministry.regions')
        .row([code, `${district.villageNames[n] ?? code} (generated)`, 'VILLAGE', district.code]);
    });
  }
}
