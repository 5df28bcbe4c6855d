import { useState } from 'preact/hooks';
import { CreateCourseDocument, type CourseKind } from '../graphql/__generated__/graphql.js';
import { useT } from '../i18n/index.js';
import { SelectInput, TextInput, WriteForm } from '../workers/form-kit.js';
import {
  apiProblems,
  missing,
  optionalText,
  useWrite,
  wholeNumber,
  type Problems,
} from '../workers/write.js';
import { COURSE_KINDS } from './choices.js';

const FIELDS = ['title', 'kind', 'skill', 'language', 'hours', 'startDate', 'endDate', 'capacity'] as const;
type Values = Record<(typeof FIELDS)[number], string>;
const EMPTY: Values = {
  title: '',
  kind: '',
  skill: '',
  language: '',
  hours: '',
  startDate: '',
  endDate: '',
  capacity: '',
};

/** `createCourse`: a course scheduled at one of the registrar's providers. */
export function CourseForm({
  providerId,
  onCancel,
  onDone,
}: {
  readonly providerId: string;
  readonly onCancel: () => void;
  readonly onDone: () => void;
}) {
  const { t } = useT();
  const [values, setValues] = useState(EMPTY);
  const [own, setOwn] = useState<Problems>({});
  const [checks, setChecks] = useState(0);
  const write = useWrite(CreateCourseDocument);
  const set = (field: keyof Values) => (value: string) =>
    setValues((current) => ({ ...current, [field]: value }));
  const { placed, unplaced } = apiProblems(write.errors, [...FIELDS, 'providerId']);
  const problems = { ...placed, ...own };
  const id = (field: string) => `course-${providerId}-${field}`;

  const submit = async () => {
    const hours = wholeNumber(values.hours);
    const capacity = wholeNumber(values.capacity);
    const absent: Record<string, string> = missing(
      values,
      ['title', 'kind', 'hours', 'startDate', 'endDate', 'capacity'],
      t('officerForms.form.required'),
    );
    if (Number.isNaN(hours)) absent['hours'] = t('officerForms.form.wholeNumber');
    if (Number.isNaN(capacity)) absent['capacity'] = t('officerForms.form.wholeNumber');
    setOwn(absent);
    if (Object.keys(absent).length > 0 || hours === undefined || capacity === undefined) {
      write.reset();
      setChecks((value) => value + 1);
      return;
    }
    const created = await write.run({
      input: {
        providerId,
        title: values.title,
        kind: values.kind as CourseKind,
        skill: optionalText(values.skill),
        language: optionalText(values.language)?.toLowerCase() ?? null,
        hours,
        startDate: values.startDate,
        endDate: values.endDate,
        capacity,
      },
    });
    if (created) onDone();
  };

  return (
    <WriteForm
      id={`create-course-${providerId}`}
      title={t('training.create.title')}
      errors={write.errors}
      unplaced={unplaced}
      attempts={write.attempts + checks}
      pending={write.pending}
      submitLabel={t('training.create.submit')}
      onSubmit={() => void submit()}
      onCancel={onCancel}
    >
      <TextInput
        id={id('title')}
        label={t('training.course.title')}
        problem={problems['title']}
        value={values.title}
        onValue={set('title')}
      />
      <SelectInput
        id={id('kind')}
        label={t('training.course.kind')}
        problem={problems['kind']}
        value={values.kind}
        onValue={set('kind')}
        options={COURSE_KINDS.map((kind) => ({ value: kind, label: t(`training.enums.CourseKind.${kind}`) }))}
      />
      <TextInput
        id={id('skill')}
        label={t('training.course.skill')}
        hint={t('training.create.skillHint')}
        optional
        problem={problems['skill']}
        value={values.skill}
        onValue={set('skill')}
      />
      <TextInput
        id={id('language')}
        label={t('training.course.language')}
        hint={t('training.create.languageHint')}
        optional
        maxLength={2}
        problem={problems['language']}
        value={values.language}
        onValue={set('language')}
      />
      <TextInput
        id={id('hours')}
        label={t('training.course.hours')}
        hint={t('training.create.hoursHint')}
        inputMode="numeric"
        problem={problems['hours']}
        value={values.hours}
        onValue={set('hours')}
      />
      <TextInput
        id={id('capacity')}
        label={t('training.course.capacity')}
        hint={t('training.create.capacityHint')}
        inputMode="numeric"
        problem={problems['capacity']}
        value={values.capacity}
        onValue={set('capacity')}
      />
      <TextInput
        id={id('startDate')}
        type="date"
        label={t('training.course.startDate')}
        problem={problems['startDate']}
        value={values.startDate}
        onValue={set('startDate')}
      />
      <TextInput
        id={id('endDate')}
        type="date"
        label={t('training.course.endDate')}
        problem={problems['endDate']}
        value={values.endDate}
        onValue={set('endDate')}
      />
    </WriteForm>
  );
}
