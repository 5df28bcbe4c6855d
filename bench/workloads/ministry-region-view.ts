import type { Workload } from './workload.js';

/** (d) A ministry analyst's cross-region view: every regency of Jawa Timur (35) for one year. */
export const ministryRegionView: Workload = {
  id: 'd-ministry-region-view',
  title: '(d) ministry analyst: Jawa Timur regencies for one year',
  actor: 'ministry',
  write: false,
  compareAnswers: true,
  query: /* GraphQL */ `
    query JawaTimurYear($year: Int!) {
      regionStats(parentCode: "35", year: $year) {
        regionCode
        year
        region {
          name
        }
        registered {
          value
          suppressed
        }
        departed {
          value
          suppressed
        }
        returned {
          value
          suppressed
        }
        departuresByDestination {
          countryCode
          departed {
            value
          }
        }
        casesOpened {
          value
        }
        casesResolved {
          value
        }
        casesPerThousandDepartures
        enrolled {
          value
        }
        certified {
          value
        }
        mentored {
          value
        }
        mentoringSessions {
          value
        }
      }
    }
  `,
  variables: (fixtures) => ({ year: fixtures.year }),
};
