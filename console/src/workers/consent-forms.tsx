import { useEffect, useRef, useState } from 'preact/hooks';
import { useQuery } from '../api/use-query.js';
import {
  ConsentGranteesDocument,
  GrantConsentDocument,
  RevokeConsentDocument,
  type ConsentPurpose,
  type InstitutionKind,
} from '../graphql/__generated__/graphql.js';
import { useT } from '../i18n/index.js';
import { ErrorNotice } from '../ui/error-notice.js';
import { CONSENT_PURPOSES } from './choices.js';
import { ChoiceGroup, SelectInput, TextInput, WriteForm } from './form-kit.js';
import { apiProblems, endOfDayInWib, missing, useWrite, type Problems } from './write.js';

/** Training consents are for training providers, empowerment consents for universities. */
const GRANTEE_KIND: Readonly<Record<ConsentPurpose, InstitutionKind>> = {
  TRAINING: 'TRAINING_PROVIDER',
  EMPOWERMENT: 'UNIVERSITY',
};

/**
 * `grantConsent`: the worker allows one institution, from the ministry's directory, to see her
 * data for one purpose, optionally until a day. The grantee's service records it before the
 * labour office does, so the next request of that institution already obeys it.
 */
export function ConsentForm({
  workerId,
  onCancel,
  onDone,
}: {
  readonly workerId: string;
  readonly onCancel: () => void;
  readonly onDone: () => void;
}) {
  const { t } = useT();
  const [purpose, setPurpose] = useState<ConsentPurpose | ''>('');
  const [grantee, setGrantee] = useState('');
  const [expiresOn, setExpiresOn] = useState('');
  const [own, setOwn] = useState<Problems>({});
  const [checks, setChecks] = useState(0);
  const write = useWrite(GrantConsentDocument);
  const grantees = useQuery(
    ConsentGranteesDocument,
    { kind: purpose ? GRANTEE_KIND[purpose] : null },
    { skip: !purpose },
  );
  const { placed, unplaced } = apiProblems(write.errors, [
    'purpose',
    'granteeInstitutionId',
    'expiresAt',
    'workerId',
  ]);
  const problems = { ...placed, ...own };

  const submit = async () => {
    const absent = missing(
      { purpose, granteeInstitutionId: grantee },
      ['purpose', 'granteeInstitutionId'],
      t('officerForms.form.required'),
    );
    setOwn(absent);
    if (Object.keys(absent).length > 0) {
      write.reset();
      setChecks((value) => value + 1);
      return;
    }
    const granted = await write.run({
      input: {
        workerId,
        granteeInstitutionId: grantee,
        purpose: purpose as ConsentPurpose,
        expiresAt: expiresOn ? endOfDayInWib(expiresOn) : null,
      },
    });
    if (granted) onDone();
  };

  return (
    <WriteForm
      id="grant-consent"
      title={t('officerForms.consents.formTitle')}
      errors={[...grantees.errors, ...write.errors]}
      unplaced={unplaced}
      codeMessages={{ CONFLICT: t('officerForms.consents.conflict') }}
      attempts={write.attempts + checks}
      pending={write.pending}
      submitLabel={t('officerForms.consents.submit')}
      onSubmit={() => void submit()}
      onCancel={onCancel}
    >
      <p class="field-hint">{t('officerForms.consents.explanation')}</p>
      <ChoiceGroup
        id="consent-purpose"
        label={t('officerForms.consents.purpose')}
        problem={problems['purpose']}
        options={CONSENT_PURPOSES.map((item) => ({ value: item, label: t(`enums.ConsentPurpose.${item}`) }))}
        value={purpose ? [purpose] : []}
        onValue={(chosen) => {
          setPurpose((chosen[0] ?? '') as ConsentPurpose | '');
          setGrantee('');
        }}
      />
      <SelectInput
        id="consent-granteeInstitutionId"
        label={t('officerForms.consents.grantee')}
        hint={
          purpose
            ? t(`officerForms.consents.granteeHint.${purpose}`)
            : t('officerForms.consents.purposeFirst')
        }
        disabled={!purpose}
        problem={problems['granteeInstitutionId']}
        value={grantee}
        onValue={setGrantee}
        options={(grantees.data?.institutions ?? [])
          .map((institution) => ({ value: institution.id, label: institution.name }))
          .sort((a, b) => a.label.localeCompare(b.label))}
      />
      <TextInput
        id="consent-expiresAt"
        type="date"
        label={t('officerForms.consents.expiresOn')}
        hint={t('officerForms.consents.expiresOnHint')}
        optional
        problem={problems['expiresAt']}
        value={expiresOn}
        onValue={setExpiresOn}
      />
    </WriteForm>
  );
}

/** `revokeConsent`, after the officer confirms: it binds every institution from the next request on. */
export function RevokeConsentConfirm({
  consentId,
  granteeName,
  onCancel,
  onDone,
}: {
  readonly consentId: string;
  readonly granteeName: string;
  readonly onCancel: () => void;
  readonly onDone: () => void;
}) {
  const { t } = useT();
  const write = useWrite(RevokeConsentDocument);
  const confirm = useRef<HTMLButtonElement>(null);
  useEffect(() => confirm.current?.focus(), []);
  return (
    <div class="write-form" role="group" aria-labelledby="revoke-consent-title">
      <h3 id="revoke-consent-title" class="write-form-title">
        {t('officerForms.consents.revokeTitle', { name: granteeName })}
      </h3>
      <p>{t('officerForms.consents.revokeExplanation', { name: granteeName })}</p>
      <ErrorNotice errors={write.errors} />
      <div class="form-actions">
        <button
          type="button"
          class="button-danger"
          disabled={write.pending}
          ref={confirm}
          onClick={() => void write.run({ id: consentId }).then((revoked) => revoked && onDone())}
        >
          {write.pending ? t('officerForms.form.saving') : t('officerForms.consents.revokeSubmit')}
        </button>
        <button type="button" class="button-quiet" onClick={onCancel}>
          {t('officerForms.form.cancel')}
        </button>
      </div>
    </div>
  );
}
