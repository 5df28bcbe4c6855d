import type { Workload } from './workload.js';

/** (a) An agency system looks up one worker with documents, placements and their compliance. */
export const agencyLookup: Workload = {
  id: 'a-agency-lookup',
  title: '(a) agency: one worker with documents, placements, compliance',
  actor: 'agency',
  write: false,
  compareAnswers: true,
  query: /* GraphQL */ `
    query AgencyWorkerLookup($id: ID!) {
      worker(id: $id) {
        id
        nik
        fullName
        status
        districtCode
        documents {
          id
          type
          status
          validUntil
        }
        placements {
          id
          status
          destinationCountry
          departureDate
          agency {
            id
          }
          compliance {
            compliant
            checkedOn
            findings {
              code
              severity
            }
          }
        }
      }
    }
  `,
  variables: (fixtures) => ({ id: fixtures.worker.id }),
};
