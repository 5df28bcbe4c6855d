import { useState } from 'preact/hooks';
import { useQuery } from '../api/use-query.js';
import {
  ConsentingTraineesDocument,
  EnrollWorkerDocument,
  IssueCertificationDocument,
  UpdateEnrollmentDocument,
  type EnrollmentStatus,
} from '../graphql/__generated__/graphql.js';
import { formatNumber } from '../i18n/format.js';
import { useT } from '../i18n/index.js';
import { SelectInput, TextInput, WriteForm } from '../workers/form-kit.js';
import {
  apiProblems,
  missing,
  optionalText,
  todayInWib,
  useWrite,
  wholeNumber,
  type Problems,
} from '../workers/write.js';
import { ENROLLMENT_MOVES, FINISHED } from './choices.js';
import type { EnrollmentRow } from './course-detail.js';

/** The labour service lists at most this many workers a page; the name narrows the list. */
const TRAINEES_SHOWN = 100;

/**
 * `enrollWorker`: one of the workers who consent to the registrar's institution for training (the
 * only ones the labour service lists to her), found by name. A consent revoked since the list was
 * read is refused by the training service, and the form says so.
 */
export function EnrolForm({
  courseId,
  enrolled,
  onCancel,
  onDone,
}: {
  readonly courseId: string;
  readonly enrolled: readonly string[];
  readonly onCancel: () => void;
  readonly onDone: (name: string) => void;
}) {
  const { t, language } = useT();
  const [name, setName] = useState('');
  const [search, setSearch] = useState('');
  const [workerId, setWorkerId] = useState('');
  const [own, setOwn] = useState<string | undefined>(undefined);
  const [checks, setChecks] = useState(0);
  const trainees = useQuery(ConsentingTraineesDocument, {
    filter: search ? { nameContains: search } : null,
    first: TRAINEES_SHOWN,
  });
  const write = useWrite(EnrollWorkerDocument);
  const { placed, unplaced } = apiProblems(write.errors, ['workerId', 'courseId'], []);
  const options = (trainees.data?.workers.edges ?? [])
    .map((edge) => edge.node)
    .filter((worker) => !enrolled.includes(worker.id));
  const total = trainees.data?.workers.totalCount ?? 0;

  const submit = async () => {
    if (!workerId) {
      setOwn(t('officerForms.form.required'));
      write.reset();
      setChecks((value) => value + 1);
      return;
    }
    setOwn(undefined);
    const chosen = options.find((worker) => worker.id === workerId);
    if (await write.run({ courseId, workerId })) onDone(chosen?.fullName ?? '');
  };

  return (
    <WriteForm
      id="enrol"
      title={t('training.enrol.title')}
      errors={[...trainees.errors, ...write.errors]}
      unplaced={unplaced}
      codeMessages={{ NOT_FOUND: t('training.enrol.noConsent'), CONFLICT: t('training.enrol.conflict') }}
      attempts={write.attempts + checks}
      pending={write.pending}
      submitLabel={t('training.enrol.submit')}
      onSubmit={() => void submit()}
      onCancel={onCancel}
    >
      <p class="field-hint">{t('training.enrol.explanation')}</p>
      <div class="field-with-button">
        <TextInput id="enrol-name" label={t('training.enrol.name')} optional value={name} onValue={setName} />
        <button
          type="button"
          class="button-quiet"
          onClick={() => {
            setWorkerId('');
            setSearch(name.trim());
          }}
        >
          {t('training.enrol.find')}
        </button>
      </div>
      <SelectInput
        id="enrol-workerId"
        label={t('training.enrol.worker')}
        hint={t('training.enrol.count', {
          count: total,
          formatted: formatNumber(total, language),
        })}
        problem={own ?? placed['workerId']}
        value={workerId}
        onValue={setWorkerId}
        disabled={trainees.loading && !trainees.data}
        options={options.map((worker) => ({
          value: worker.id,
          label: `${worker.fullName} · ${worker.nik} · ${worker.district.name}`,
        }))}
      />
    </WriteForm>
  );
}

/** `updateEnrollment`: the worker's progress or result, with attendance, score and the day it ended. */
export function OutcomeForm({
  enrollment,
  courseStart,
  onCancel,
  onDone,
}: {
  readonly enrollment: EnrollmentRow;
  readonly courseStart: string;
  readonly onCancel: () => void;
  readonly onDone: () => void;
}) {
  const { t } = useT();
  const moves = ENROLLMENT_MOVES[enrollment.status];
  const [status, setStatus] = useState<string>(moves.includes('COMPLETED') ? 'COMPLETED' : (moves[0] ?? ''));
  const [attendance, setAttendance] = useState(enrollment.attendancePercent?.toString() ?? '');
  const [score, setScore] = useState(enrollment.score?.toString() ?? '');
  const [completedOn, setCompletedOn] = useState(todayInWib());
  const [own, setOwn] = useState<Problems>({});
  const [checks, setChecks] = useState(0);
  const write = useWrite(UpdateEnrollmentDocument);
  const fields = ['status', 'attendancePercent', 'score', 'completedOn'];
  const { placed, unplaced } = apiProblems(write.errors, fields);
  const problems = { ...placed, ...own };
  const finished = FINISHED.includes(status as EnrollmentStatus);
  const prefix = `outcome-${enrollment.id}`;

  const submit = async () => {
    const numbers = { attendancePercent: wholeNumber(attendance), score: wholeNumber(score) };
    const absent: Record<string, string> = missing(
      { status, completedOn: finished ? completedOn : 'given' },
      ['status', 'completedOn'],
      t('officerForms.form.required'),
    );
    for (const [field, value] of Object.entries(numbers))
      if (Number.isNaN(value)) absent[field] = t('officerForms.form.wholeNumber');
    setOwn(absent);
    if (Object.keys(absent).length > 0) {
      write.reset();
      setChecks((value) => value + 1);
      return;
    }
    const updated = await write.run({
      id: enrollment.id,
      input: {
        status: status as EnrollmentStatus,
        attendancePercent: numbers.attendancePercent ?? null,
        score: numbers.score ?? null,
        ...(finished ? { completedOn } : {}),
      },
    });
    if (updated) onDone();
  };

  return (
    <WriteForm
      id={prefix}
      title={t('training.outcome.title', { name: enrollment.worker.fullName })}
      errors={write.errors}
      unplaced={unplaced}
      attempts={write.attempts + checks}
      pending={write.pending}
      submitLabel={t('training.outcome.submit')}
      onSubmit={() => void submit()}
      onCancel={onCancel}
    >
      <SelectInput
        id={`${prefix}-status`}
        label={t('training.enrollments.status')}
        hint={t('training.outcome.statusHint', { status: t(`enums.EnrollmentStatus.${enrollment.status}`) })}
        problem={problems['status']}
        value={status}
        onValue={setStatus}
        options={moves.map((item) => ({ value: item, label: t(`enums.EnrollmentStatus.${item}`) }))}
      />
      <TextInput
        id={`${prefix}-attendance`}
        label={t('training.outcome.attendance')}
        hint={t('training.outcome.percentHint')}
        optional
        inputMode="numeric"
        problem={problems['attendancePercent']}
        value={attendance}
        onValue={setAttendance}
      />
      <TextInput
        id={`${prefix}-score`}
        label={t('training.enrollments.score')}
        hint={t('training.outcome.percentHint')}
        optional
        inputMode="numeric"
        problem={problems['score']}
        value={score}
        onValue={setScore}
      />
      {finished ? (
        <TextInput
          id={`${prefix}-completedOn`}
          type="date"
          label={t('training.enrollments.completedOn')}
          hint={t('training.outcome.completedOnHint', { start: courseStart })}
          problem={problems['completedOn']}
          value={completedOn}
          onValue={setCompletedOn}
        />
      ) : null}
    </WriteForm>
  );
}

/** `issueCertification`: a competency certificate for an enrolled worker, prepared by this course. */
export function CertificateForm({
  workerId,
  workerName,
  courseId,
  onCancel,
  onDone,
}: {
  readonly workerId: string;
  readonly workerName: string;
  readonly courseId: string;
  readonly onCancel: () => void;
  readonly onDone: () => void;
}) {
  const { t } = useT();
  const [values, setValues] = useState({
    scheme: '',
    issuer: '',
    number: '',
    issuedOn: todayInWib(),
    validUntil: '',
  });
  const [own, setOwn] = useState<Problems>({});
  const [checks, setChecks] = useState(0);
  const write = useWrite(IssueCertificationDocument);
  const set = (field: keyof typeof values) => (value: string) =>
    setValues((current) => ({ ...current, [field]: value }));
  const { placed, unplaced } = apiProblems(write.errors, [...Object.keys(values), 'workerId', 'courseId']);
  const problems = { ...placed, ...own };
  const prefix = `certificate-${workerId}`;

  const submit = async () => {
    const absent = missing(
      values,
      ['scheme', 'issuer', 'number', 'issuedOn'],
      t('officerForms.form.required'),
    );
    setOwn(absent);
    if (Object.keys(absent).length > 0) {
      write.reset();
      setChecks((value) => value + 1);
      return;
    }
    const issued = await write.run({
      input: {
        workerId,
        courseId,
        scheme: values.scheme,
        issuer: values.issuer,
        number: values.number,
        issuedOn: values.issuedOn,
        validUntil: optionalText(values.validUntil),
      },
    });
    if (issued) onDone();
  };

  return (
    <WriteForm
      id={prefix}
      title={t('training.certificate.title', { name: workerName })}
      errors={write.errors}
      unplaced={unplaced}
      codeMessages={{ CONFLICT: t('training.certificate.conflict') }}
      attempts={write.attempts + checks}
      pending={write.pending}
      submitLabel={t('training.certificate.submit')}
      onSubmit={() => void submit()}
      onCancel={onCancel}
    >
      <TextInput
        id={`${prefix}-scheme`}
        label={t('training.certificate.scheme')}
        hint={t('training.certificate.schemeHint')}
        problem={problems['scheme']}
        value={values.scheme}
        onValue={set('scheme')}
      />
      <TextInput
        id={`${prefix}-issuer`}
        label={t('training.certificate.issuer')}
        hint={t('training.certificate.issuerHint')}
        problem={problems['issuer']}
        value={values.issuer}
        onValue={set('issuer')}
      />
      <TextInput
        id={`${prefix}-number`}
        label={t('training.certificate.number')}
        problem={problems['number']}
        value={values.number}
        onValue={set('number')}
      />
      <TextInput
        id={`${prefix}-issuedOn`}
        type="date"
        label={t('training.certificate.issuedOn')}
        problem={problems['issuedOn']}
        value={values.issuedOn}
        onValue={set('issuedOn')}
      />
      <TextInput
        id={`${prefix}-validUntil`}
        type="date"
        label={t('training.certificate.validUntil')}
        optional
        problem={problems['validUntil']}
        value={values.validUntil}
        onValue={set('validUntil')}
      />
    </WriteForm>
  );
}
