import { randomUUID } from 'node:crypto';
import { childRegions } from '../../shared/reference/regions.js';
import { insertTestCase } from '../../subgraphs/ministry/testing/factories.js';
import { insertTestPlacement, insertTestWorker } from '../../subgraphs/labour/testing/factories.js';
import {
  insertTestCertification,
  insertTestCourse,
  insertTestEnrollment,
  insertTestProvider,
} from '../../subgraphs/training/testing/factories.js';
import { insertTestPartner, insertTestSession } from '../../subgraphs/university/testing/factories.js';
import type { TestHub } from './hub.js';

/** The regencies with kecamatan in the reference data: Kabupaten Blitar, Kabupaten Malang, Kota Batu. */
export const STAT_REGENCIES = ['35.05', '35.07', '35.79'] as const;
export const STAT_YEARS = [2025, 2026] as const;
const DESTINATIONS = ['HK', 'TW', 'MY', 'SG', 'SA', 'JP', 'KR'] as const;

/** mulberry32: a small seeded generator, so the world (and a failure) can be reproduced. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** Small counts most of the time, now and then a larger one: what kecamatan-level cells look like. */
function smallCount(random: () => number, max: number): number {
  const roll = random();
  if (roll < 0.3) return 0;
  if (roll < 0.8) return 1 + Math.floor(random() * 4);
  return 5 + Math.floor(random() * (max - 4));
}

/**
 * Events in every service for two years over every kecamatan of three regencies, written straight
 * into each service's tables: workers registered, placements departed to several countries and
 * returned, cases opened and resolved, enrolments and certificates, mentoring sessions. Most
 * kecamatan cells are small, as in life, so disclosure control has work to do everywhere.
 */
export async function buildStatisticsWorld(hub: TestHub, seed = 20261201): Promise<void> {
  const random = seeded(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const provider = await insertTestProvider(hub.stores.training.db);
  const course = await insertTestCourse(hub.stores.training.db, provider.id);
  const partner = await insertTestPartner(hub.stores.university.db);
  const opener = randomUUID();
  const kecamatan = STAT_REGENCIES.flatMap((regency) => childRegions(regency).map((region) => region.code));

  for (const year of STAT_YEARS) {
    const day = (month: number) =>
      `${year}-${String(month).padStart(2, '0')}-${String(1 + Math.floor(random() * 27)).padStart(2, '0')}`;
    for (const district of kecamatan) {
      const village = `${district}.2001`;
      for (let index = smallCount(random, 10); index > 0; index -= 1) {
        const worker = await insertTestWorker(hub.stores.labour.db, {
          villageCode: village,
          districtCode: district,
          registeredAt: new Date(`${day(2)}T03:00:00Z`),
        });
        if (random() < 0.7) {
          await insertTestPlacement(hub.stores.labour.db, worker.id, {
            destinationCountry: random() < 0.6 ? pick(DESTINATIONS.slice(0, 2)) : pick(DESTINATIONS),
            status: random() < 0.3 ? 'RETURNED' : 'ABROAD',
            departureDate: day(5),
            ...(random() < 0.3 ? { actualReturnDate: day(11) } : {}),
          });
        }
      }
      for (let index = smallCount(random, 7); index > 0; index -= 1) {
        const resolved = random() < 0.5;
        await insertTestCase(hub.stores.ministry.db, opener, {
          workerDistrictCode: district,
          openedAt: new Date(`${day(3)}T03:00:00Z`),
          ...(resolved
            ? {
                status: 'RESOLVED',
                resolutionOutcome: 'REPATRIATED',
                resolutionSummary: 'Home.',
                resolvedAt: new Date(`${day(9)}T03:00:00Z`),
              }
            : {}),
        });
      }
      for (let index = smallCount(random, 8); index > 0; index -= 1) {
        const workerId = randomUUID();
        await insertTestEnrollment(hub.stores.training.db, course.id, workerId, {
          workerDistrictCode: district,
          enrolledAt: new Date(`${day(4)}T03:00:00Z`),
        });
        if (random() < 0.5) {
          await insertTestCertification(hub.stores.training.db, provider.id, workerId, {
            workerDistrictCode: district,
            issuedOn: day(8),
          });
        }
      }
      for (let index = smallCount(random, 6); index > 0; index -= 1) {
        const participants = Array.from({ length: 1 + Math.floor(random() * 3) }, () => ({
          workerId: randomUUID(),
          workerDistrictCode: district,
        }));
        await insertTestSession(hub.stores.university.db, partner.program, partner.mentor, participants, {
          date: day(6),
        });
      }
    }
  }
}
