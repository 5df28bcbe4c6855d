import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { institutions } from '../../../gateway/db/schema.js';
import { SUBGRAPH_NAMES, type SubgraphName } from '../../../shared/config.js';
import type { Database } from '../../../shared/db/database.js';
import { nikProblem } from '../../../shared/validation/nik.js';
import { workers } from '../../../subgraphs/labour/db/schema.js';
import { defineCommand, OperatorError } from '../command.js';

const exportRecord = defineCommand({
  group: 'workers',
  name: 'export',
  summary:
    'A worker’s right of access: her complete record at all four institutions and who accessed it, as JSON (logged).',
  options: {
    worker: { type: 'string', optional: true, description: 'her worker id' },
    nik: { type: 'string', optional: true, description: 'or her NIK (16 digits)' },
    institution: {
      type: 'string',
      description: 'the institution answering her request (`institutions list`)',
    },
    reference: { type: 'string', description: 'the reference of her request, e.g. its letter number' },
  },
  input: z
    .object({
      worker: z.uuid().optional(),
      nik: z
        .string()
        .optional()
        .superRefine((nik, issues) => {
          const problem = nik === undefined ? null : nikProblem(nik);
          if (problem) issues.addIssue({ code: 'custom', message: problem });
        }),
      institution: z.uuid(),
      reference: z.string().trim().min(3).max(200),
    })
    .refine((input) => (input.worker === undefined) !== (input.nik === undefined), {
      message: 'Name her by exactly one of --worker and --nik.',
    }),
  examples: [
    'workers export --nik 3507014507950003 --institution <id> --reference "B/123/LTSA/XII/2026" > record.json',
  ],
  run: async (input, context) => {
    const [institution] = await (
      await context.store('gateway')
    ).db
      .select()
      .from(institutions)
      .where(eq(institutions.id, input.institution));
    if (!institution)
      throw new OperatorError(`There is no institution ${input.institution} (\`institutions list\`).`);
    const databases = {} as Record<SubgraphName, Database>;
    for (const name of SUBGRAPH_NAMES) databases[name] = (await context.store(name)).db;
    let workerId = input.worker;
    if (input.nik !== undefined) {
      const [row] = await databases.labour
        .select({ id: workers.id })
        .from(workers)
        .where(eq(workers.nik, input.nik));
      if (!row) throw new OperatorError('No worker with this NIK is registered at the labour office.');
      workerId = row.id;
    }
    // Loaded by this command alone (it reads every subgraph's schema).
    const { exportWorkerRecord, UnknownWorkerError } = await import('../worker-record.js');
    try {
      const record = await exportWorkerRecord(databases, {
        workerId: workerId!,
        institution: { id: institution.id, kind: institution.kind },
        reference: input.reference,
        operator: context.operator,
      });
      return { json: record };
    } catch (error) {
      if (error instanceof UnknownWorkerError) throw new OperatorError(error.message);
      throw error;
    }
  },
});

export const WORKER_COMMANDS = [exportRecord];
