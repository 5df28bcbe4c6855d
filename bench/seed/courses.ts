import type { Provider } from './directory.js';
import { addMonthsDay, dayOf, KIND, randomFor, seededUuid } from './random.js';

export interface Course {
  readonly id: string;
  readonly provider: Provider;
  readonly title: string;
  readonly kind: 'LANGUAGE' | 'SKILL' | 'PRE_DEPARTURE' | 'ENTREPRENEURSHIP';
  readonly skill: string | null;
  readonly language: string | null;
  readonly hours: number;
  readonly capacity: number;
  readonly start: number;
  readonly end: number;
}

const SHAPES: readonly Omit<Course, 'id' | 'provider' | 'start' | 'end'>[] = [
  {
    title: 'Cantonese for domestic work in Hong Kong',
    kind: 'LANGUAGE',
    skill: null,
    language: 'zh',
    hours: 200,
    capacity: 30,
  },
  {
    title: 'Mandarin for caregivers in Taiwan',
    kind: 'LANGUAGE',
    skill: null,
    language: 'zh',
    hours: 200,
    capacity: 30,
  },
  {
    title: 'Japanese for careworkers (SSW)',
    kind: 'LANGUAGE',
    skill: null,
    language: 'ja',
    hours: 400,
    capacity: 25,
  },
  { title: 'Housekeeping', kind: 'SKILL', skill: 'Housekeeping', language: null, hours: 300, capacity: 30 },
  { title: 'Elderly care', kind: 'SKILL', skill: 'Elderly care', language: null, hours: 300, capacity: 25 },
  {
    title: 'Pre-departure readiness',
    kind: 'PRE_DEPARTURE',
    skill: null,
    language: null,
    hours: 40,
    capacity: 40,
  },
  {
    title: 'Small business for returnees',
    kind: 'ENTREPRENEURSHIP',
    skill: 'Entrepreneurship',
    language: null,
    hours: 60,
    capacity: 30,
  },
];
const YEARS = [2022, 2023, 2024, 2025, 2026];

/**
 * Courses of every provider, sorted by start date per provider. Their number grows with the
 * workers so that a course keeps about thirty learners, whatever the size of the seed.
 */
export function buildCourses(providers: readonly Provider[], workers: number): Map<number, Course[]> {
  const perProviderYear = Math.max(4, Math.ceil((workers * 0.6) / (providers.length * YEARS.length * 30)));
  const byProvider = new Map<number, Course[]>();
  let count = 0;
  for (const provider of providers) {
    const random = randomFor(2, provider.index);
    const list: Course[] = [];
    for (const year of YEARS) {
      const first = dayOf(`${year}-01-05`);
      for (let n = 0; n < perProviderYear; n += 1) {
        const shape = SHAPES[(n + provider.index) % SHAPES.length] ?? SHAPES[0]!;
        const start = first + Math.floor((n * 330) / perProviderYear) + random.int(0, 10);
        const end = addMonthsDay(start, shape.hours >= 300 ? 3 : shape.hours >= 200 ? 2 : 1);
        list.push({ ...shape, id: seededUuid(KIND.course, count++), provider, start, end });
      }
    }
    list.sort((a, b) => a.start - b.start);
    byProvider.set(provider.index, list);
  }
  return byProvider;
}

/** Index of the first course that starts after `day` (binary search over the sorted list). */
export function firstCourseAfter(courses: readonly Course[], day: number): number {
  let low = 0;
  let high = courses.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((courses[middle]?.start ?? 0) > day) high = middle;
    else low = middle + 1;
  }
  return low;
}
