import { useState } from 'preact/hooks';
import type { Person } from '../auth/person.js';
import {
  RegisterWorkerDocument,
  type EducationLevel,
  type MaritalStatus,
  type Sex,
  type WorkerStatus,
} from '../graphql/__generated__/graphql.js';
import { useT } from '../i18n/index.js';
import { Link, navigate } from '../router.js';
import { PageTitle } from '../ui/page.js';
import { EDUCATION_LEVELS, MARITAL_STATUSES, REGISTRATION_STATUSES, SEXES } from './choices.js';
import { ChoiceGroup, SelectInput, TextArea, TextInput, WriteForm } from './form-kit.js';
import { VillagePicker } from './village-picker.js';
import { apiProblems, missing, optionalText, setFlash, useWrite, type Problems } from './write.js';

const FIELDS = [
  'nik',
  'fullName',
  'sex',
  'birthDate',
  'birthPlace',
  'maritalStatus',
  'education',
  'phone',
  'address',
  'villageCode',
  'status',
] as const;
type FieldName = (typeof FIELDS)[number];
const REQUIRED: readonly FieldName[] = FIELDS.filter((field) => field !== 'phone' && field !== 'status');

type Values = Record<FieldName, string>;
const EMPTY: Values = {
  nik: '',
  fullName: '',
  sex: '',
  birthDate: '',
  birthPlace: '',
  maritalStatus: '',
  education: '',
  phone: '',
  address: '',
  villageCode: '',
  status: 'REGISTERED',
};

/**
 * `/workers/new`: the LTSA desk registers a worker with every field of `RegisterWorkerInput`, the
 * village chosen from the office's own region. The labour service checks everything (NIK, age,
 * phone, village in the region) and its word on each field is shown beside that field.
 */
export function RegisterWorker({ person }: { readonly person: Person }) {
  const { t } = useT();
  const [values, setValues] = useState<Values>(EMPTY);
  const [own, setOwn] = useState<Problems>({});
  const [checks, setChecks] = useState(0);
  const write = useWrite(RegisterWorkerDocument);
  const set = (field: FieldName) => (value: string) =>
    setValues((current) => ({ ...current, [field]: value }));
  const { placed, unplaced } = apiProblems(write.errors, FIELDS);
  const problems: Problems = { ...placed, ...own };
  const region = person.institution.regionCode;

  const submit = async () => {
    const absent = missing(values, REQUIRED, t('officerForms.form.required'));
    setOwn(absent);
    if (Object.keys(absent).length > 0) {
      write.reset();
      setChecks((value) => value + 1);
      return;
    }
    const registered = await write.run({
      input: {
        nik: values.nik.replace(/\s/g, ''),
        fullName: values.fullName,
        sex: values.sex as Sex,
        birthDate: values.birthDate,
        birthPlace: values.birthPlace,
        maritalStatus: values.maritalStatus as MaritalStatus,
        education: values.education as EducationLevel,
        phone: optionalText(values.phone),
        address: values.address,
        villageCode: values.villageCode,
        status: values.status as WorkerStatus,
      },
    });
    if (registered?.registerWorker) {
      setFlash('officerForms.register.done');
      navigate(`/workers/${encodeURIComponent(registered.registerWorker.id)}`);
    }
  };

  return (
    <>
      <p class="breadcrumb">
        <Link href="/workers">{t('workers.record.backToSearch')}</Link>
      </p>
      <PageTitle title={t('officerForms.register.title')}>{t('officerForms.register.title')}</PageTitle>
      <p class="lead">{t('officerForms.register.intro')}</p>
      <WriteForm
        id="register"
        title={t('officerForms.register.formTitle')}
        errors={write.errors}
        unplaced={unplaced}
        codeMessages={{ CONFLICT: t('officerForms.register.conflict') }}
        attempts={write.attempts + checks}
        pending={write.pending}
        submitLabel={t('officerForms.register.submit')}
        onSubmit={() => void submit()}
        focusFirstField={false}
      >
        <TextInput
          id="register-nik"
          label={t('workers.field.nik')}
          hint={t('officerForms.register.nikHint')}
          problem={problems['nik']}
          value={values.nik}
          onValue={set('nik')}
          inputMode="numeric"
          maxLength={20}
        />
        <TextInput
          id="register-fullName"
          label={t('officerForms.register.fullName')}
          hint={t('officerForms.register.fullNameHint')}
          problem={problems['fullName']}
          value={values.fullName}
          onValue={set('fullName')}
        />
        <ChoiceGroup
          id="register-sex"
          label={t('workers.field.sex')}
          problem={problems['sex']}
          options={SEXES.map((sex) => ({ value: sex, label: t(`enums.Sex.${sex}`) }))}
          value={values.sex ? [values.sex] : []}
          onValue={(chosen) => set('sex')(chosen[0] ?? '')}
        />
        <TextInput
          id="register-birthDate"
          type="date"
          label={t('workers.field.birthDate')}
          hint={t('officerForms.register.birthDateHint')}
          problem={problems['birthDate']}
          value={values.birthDate}
          onValue={set('birthDate')}
        />
        <TextInput
          id="register-birthPlace"
          label={t('workers.field.birthPlace')}
          problem={problems['birthPlace']}
          value={values.birthPlace}
          onValue={set('birthPlace')}
        />
        <SelectInput
          id="register-maritalStatus"
          label={t('workers.field.maritalStatus')}
          problem={problems['maritalStatus']}
          value={values.maritalStatus}
          onValue={set('maritalStatus')}
          options={MARITAL_STATUSES.map((status) => ({
            value: status,
            label: t(`enums.MaritalStatus.${status}`),
          }))}
        />
        <SelectInput
          id="register-education"
          label={t('workers.field.education')}
          problem={problems['education']}
          value={values.education}
          onValue={set('education')}
          options={EDUCATION_LEVELS.map((level) => ({
            value: level,
            label: t(`enums.EducationLevel.${level}`),
          }))}
        />
        <TextInput
          id="register-phone"
          type="tel"
          inputMode="tel"
          label={t('workers.field.phone')}
          hint={t('officerForms.register.phoneHint')}
          optional
          problem={problems['phone']}
          value={values.phone}
          onValue={set('phone')}
        />
        <TextArea
          id="register-address"
          label={t('workers.field.address')}
          hint={t('officerForms.register.addressHint')}
          problem={problems['address']}
          value={values.address}
          onValue={set('address')}
        />
        {region ? (
          <VillagePicker
            id="register-villageCode"
            rootCode={region}
            value={values.villageCode}
            onValue={set('villageCode')}
            problem={problems['villageCode']}
          />
        ) : null}
        <ChoiceGroup
          id="register-status"
          label={t('officerForms.register.status')}
          problem={problems['status']}
          options={REGISTRATION_STATUSES.map((status) => ({
            value: status,
            label: t(`officerForms.register.statusChoice.${status}`),
          }))}
          value={[values.status]}
          onValue={(chosen) => set('status')(chosen[0] ?? 'REGISTERED')}
        />
      </WriteForm>
    </>
  );
}
