import { useState } from 'preact/hooks';
import { issueFor, type ApiError } from '../api/errors.js';
import type { Role } from '../auth/person.js';
import { useT } from '../i18n/index.js';
import { ErrorNotice } from '../ui/error-notice.js';
import { describedBy, Field } from '../ui/field.js';
import { createAccount, type IssuedPassword } from './accounts-api.js';

const EMPTY = { username: '', displayName: '', role: '' as Role | '' };

/**
 * A new account of the administrator's institution: username, name and one of the roles the
 * institution's kind has. The gateway generates the password; the panel above shows it once.
 */
export function AccountForm({
  roles,
  onCreated,
}: {
  readonly roles: readonly Role[];
  readonly onCreated: (issued: IssuedPassword) => void;
}) {
  const { t } = useT();
  const [draft, setDraft] = useState(EMPTY);
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<readonly ApiError[]>([]);
  const [roleMissing, setRoleMissing] = useState(false);
  const set = (key: keyof typeof EMPTY) => (event: Event) =>
    setDraft({ ...draft, [key]: (event.currentTarget as HTMLInputElement | HTMLSelectElement).value });
  const problems = {
    username: issueFor(errors, 'username'),
    displayName: issueFor(errors, 'displayName'),
    role: roleMissing ? t('admin.form.roleMissing') : issueFor(errors, 'role'),
  };
  const submit = async (event: Event) => {
    event.preventDefault();
    if (busy) return;
    const role = draft.role;
    setRoleMissing(role === '');
    if (role === '') {
      setErrors([]);
      document.getElementById('account-role')?.focus();
      return;
    }
    setBusy(true);
    const result = await createAccount({ username: draft.username, displayName: draft.displayName, role });
    setBusy(false);
    setErrors(result.errors);
    if (result.data) {
      setDraft(EMPTY);
      onCreated({ username: result.data.username, password: result.data.password, reason: 'created' });
    }
  };
  return (
    <form
      class="action-form"
      aria-labelledby="account-form-heading"
      onSubmit={(event) => void submit(event)}
      noValidate
    >
      <h2 id="account-form-heading">{t('admin.form.title')}</h2>
      <ErrorNotice errors={errors} />
      <div class="form-grid">
        <Field
          id="account-username"
          label={t('admin.field.username')}
          hint={t('admin.form.usernameHint')}
          problem={problems.username}
        >
          <input
            id="account-username"
            type="text"
            autoComplete="off"
            autoCapitalize="none"
            spellcheck={false}
            maxLength={64}
            value={draft.username}
            onInput={set('username')}
            aria-invalid={problems.username ? true : undefined}
            aria-describedby={describedBy('account-username', true, problems.username)}
          />
        </Field>
        <Field id="account-name" label={t('admin.field.displayName')} problem={problems.displayName}>
          <input
            id="account-name"
            type="text"
            autoComplete="off"
            maxLength={120}
            value={draft.displayName}
            onInput={set('displayName')}
            aria-invalid={problems.displayName ? true : undefined}
            aria-describedby={describedBy('account-name', undefined, problems.displayName)}
          />
        </Field>
        <Field id="account-role" label={t('admin.field.role')} problem={problems.role}>
          <select
            id="account-role"
            value={draft.role}
            onChange={set('role')}
            aria-invalid={problems.role ? true : undefined}
            aria-describedby={describedBy('account-role', undefined, problems.role)}
          >
            <option value="">{t('admin.form.chooseRole')}</option>
            {roles.map((role) => (
              <option key={role} value={role}>
                {t(`roles.${role}`)}
              </option>
            ))}
          </select>
        </Field>
      </div>
      <p class="hint">{t('admin.form.passwordNote')}</p>
      <div class="form-actions">
        <button type="submit" class="button-primary" disabled={busy}>
          {t('admin.form.submit')}
        </button>
      </div>
    </form>
  );
}
