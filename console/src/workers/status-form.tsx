import { useState } from 'preact/hooks';
import { ChangeWorkerStatusDocument, type WorkerStatus } from '../graphql/__generated__/graphql.js';
import { useT } from '../i18n/index.js';
import { STATUS_MOVES } from './choices.js';
import { SelectInput, TextArea, WriteForm } from './form-kit.js';
import { apiProblems, optionalText, useWrite } from './write.js';

/** `changeWorkerStatus`: the moves an officer makes by hand, such as verifying a registration. */
export function StatusForm({
  workerId,
  status,
  onCancel,
  onDone,
}: {
  readonly workerId: string;
  readonly status: WorkerStatus;
  readonly onCancel: () => void;
  readonly onDone: () => void;
}) {
  const { t } = useT();
  const [next, setNext] = useState('');
  const [reason, setReason] = useState('');
  const [own, setOwn] = useState<string | undefined>(undefined);
  const [checks, setChecks] = useState(0);
  const write = useWrite(ChangeWorkerStatusDocument);
  const { placed, unplaced } = apiProblems(write.errors, ['status', 'reason', 'id'], []);
  const submit = async () => {
    if (!next) {
      setOwn(t('officerForms.form.required'));
      write.reset();
      setChecks((value) => value + 1);
      return;
    }
    setOwn(undefined);
    const changed = await write.run({
      id: workerId,
      status: next as WorkerStatus,
      reason: optionalText(reason),
    });
    if (changed) onDone();
  };
  return (
    <WriteForm
      id="change-status"
      title={t('officerForms.status.formTitle')}
      errors={write.errors}
      unplaced={unplaced}
      attempts={write.attempts + checks}
      pending={write.pending}
      submitLabel={t('officerForms.status.submit')}
      onSubmit={() => void submit()}
      onCancel={onCancel}
    >
      <SelectInput
        id="status-next"
        label={t('officerForms.status.next', { status: t(`enums.WorkerStatus.${status}`) })}
        problem={own ?? placed['status']}
        value={next}
        onValue={setNext}
        options={STATUS_MOVES[status].map((item) => ({
          value: item,
          label: t(`enums.WorkerStatus.${item}`),
        }))}
      />
      <TextArea
        id="status-reason"
        label={t('officerForms.status.reason')}
        optional
        problem={placed['reason']}
        value={reason}
        onValue={setReason}
      />
    </WriteForm>
  );
}
