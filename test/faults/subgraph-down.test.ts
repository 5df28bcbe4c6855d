import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { composeNik } from '../../shared/validation/nik.js';
import {
  dataOf,
  graphql,
  startProcessHub,
  suiteTitle,
  WITHOUT_POSTGRES,
  type ProcessHub,
} from './processes.js';

// Partial failure in the production shape: the training subgraph's process is stopped while the
// gateway and the other three keep running, then started again.

describe.skipIf(WITHOUT_POSTGRES !== null)(
  suiteTitle('with one subgraph process down', WITHOUT_POSTGRES),
  () => {
    let hub: ProcessHub;
    let ministryToken: string;
    let workerId: string;

    beforeAll(async () => {
      hub = await startProcessHub();
      const [office, ministry, trainer] = await Promise.all([
        hub.client('LABOUR_OFFICE', { regionCode: '35.07', name: 'Disnaker Kabupaten Malang' }),
        hub.client('MINISTRY', { name: 'KP2MI' }),
        hub.client('TRAINING_PROVIDER', { name: 'LPK Fault Bina Karya' }),
      ]);
      const [officeToken, trainerToken] = await Promise.all([office.token(), trainer.token()]);
      ministryToken = await ministry.token();
      /** Runs a mutation and returns the id of what `field` created. */
      const create = async (token: string, field: string, query: string, variables = {}) => {
        const data = dataOf(
          await graphql<Record<string, { id: string }>>(hub.graphqlUrl, token, query, variables),
        );
        const id = data[field]?.id;
        if (!id) throw new Error(`${field} returned no id`);
        return id;
      };

      workerId = await create(
        officeToken,
        'registerWorker',
        `mutation($input: RegisterWorkerInput!) { registerWorker(input: $input) { id } }`,
        {
          input: {
            nik: composeNik('35.07.13', '1991-03-08', 'FEMALE', 77),
            fullName: 'Siti Gangguan Rahayu',
            sex: 'FEMALE',
            birthDate: '1991-03-08',
            birthPlace: 'Malang',
            maritalStatus: 'MARRIED',
            education: 'SENIOR_SECONDARY',
            address: 'Jl. Raya Kepanjen No. 7',
            villageCode: '35.07.13.2001',
          },
        },
      );
      const provider = await create(
        trainerToken,
        'registerTrainingProvider',
        `mutation { registerTrainingProvider(input: { name: "LPK Fault Bina Karya", kind: LPK, accreditation: B, regionCode: "35.07.13" }) { id } }`,
      );
      const course = await create(
        trainerToken,
        'createCourse',
        `mutation($input: CreateCourseInput!) { createCourse(input: $input) { id } }`,
        {
          input: {
            providerId: provider,
            title: 'Caregiving for the elderly',
            kind: 'SKILL',
            language: 'zh',
            hours: 120,
            startDate: '2025-03-01',
            endDate: '2025-05-15',
            capacity: 30,
          },
        },
      );
      await create(
        officeToken,
        'grantConsent',
        `mutation($input: GrantConsentInput!) { grantConsent(input: $input) { id } }`,
        { input: { workerId, granteeInstitutionId: trainer.institutionId, purpose: 'TRAINING' } },
      );
      await create(
        trainerToken,
        'enrollWorker',
        `mutation($c: ID!, $w: ID!) { enrollWorker(courseId: $c, workerId: $w) { id } }`,
        { c: course, w: workerId },
      );
    });
    afterAll(async () => {
      await hub?.close();
    });

    const WORKER = `query($id: ID!) { worker(id: $id) { fullName status district { name } enrollments { status course { title } } } }`;
    const readWorker = () =>
      graphql<{ worker: Record<string, unknown> | null }>(hub.graphqlUrl, ministryToken, WORKER, {
        id: workerId,
      });
    const readiness = async () => {
      const response = await fetch(`${hub.gatewayUrl}/ready`);
      return { status: response.status, body: (await response.json()) as Record<string, unknown> };
    };

    it('answers with every institution’s part while all are up', async () => {
      const answer = await readWorker();
      expect(answer.errors).toEqual([]);
      expect(answer.data?.worker).toEqual({
        fullName: 'Siti Gangguan Rahayu',
        status: 'REGISTERED',
        district: { name: 'Kepanjen' },
        enrollments: [{ status: 'ENROLLED', course: { title: 'Caregiving for the elderly' } }],
      });
    });

    it('returns the other subgraphs’ data and an error naming training while its process is stopped', async () => {
      const exit = await hub.services.training.stop('SIGKILL');
      expect(exit.signal).toBe('SIGKILL');

      const answer = await readWorker();
      expect(answer.status).toBe(200);
      expect(answer.data?.worker).toEqual({
        fullName: 'Siti Gangguan Rahayu',
        status: 'REGISTERED',
        district: { name: 'Kepanjen' },
        enrollments: null,
      });
      expect(answer.errors).toHaveLength(1);
      expect(answer.errors[0]).toMatchObject({
        message: 'The training service is unavailable right now.',
        extensions: { code: 'SERVICE_UNAVAILABLE', serviceName: 'training' },
      });
    });

    it('reports not ready, naming training, while training is down', async () => {
      const ready = await readiness();
      expect(ready.status).toBe(503);
      expect(ready.body).toMatchObject({
        status: 'not ready',
        store: 'ready',
        subgraphs: { labour: 'ready', ministry: 'ready', training: 'unavailable', university: 'ready' },
      });
    });

    it('recovers by itself once the training process is back, without a gateway restart', async () => {
      const gatewayPid = hub.services.gateway.pid;
      await hub.services.training.start();
      const answer = await readWorker();
      expect(answer.errors).toEqual([]);
      expect(answer.data?.worker).toMatchObject({
        enrollments: [{ status: 'ENROLLED', course: { title: 'Caregiving for the elderly' } }],
      });
      expect((await readiness()).status).toBe(200);
      expect(hub.services.gateway.pid).toBe(gatewayPid);
      expect(hub.services.gateway.alive).toBe(true);
    });
  },
);
