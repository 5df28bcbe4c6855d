import type { Workload } from './workload.js';

/**
 * (b) A labour office lists the workers of one kecamatan with cases (ministry), enrollments and
 * certifications (training) and mentoring (university): all four subgraphs in one request.
 */
export function kecamatanList(first: number): Workload {
  return {
    id: first === 100 ? 'b-kecamatan-list' : `b-kecamatan-list-first-${first}`,
    title: `(b) labour office: ${first} workers of a kecamatan across all four subgraphs`,
    actor: 'labourOffice',
    write: false,
    compareAnswers: true,
    query: /* GraphQL */ `
      query KecamatanWorkers($regionCode: String!, $first: Int!) {
        workers(filter: { regionCode: $regionCode }, first: $first) {
          totalCount
          edges {
            node {
              id
              fullName
              status
              cases {
                id
                category
                status
              }
              enrollments {
                id
                status
                course {
                  id
                }
              }
              certifications {
                id
                scheme
                issuedOn
              }
              mentoringSessions {
                id
                date
                form
              }
            }
          }
        }
      }
    `,
    variables: (fixtures) => ({ regionCode: fixtures.kecamatanCode, first }),
  };
}
