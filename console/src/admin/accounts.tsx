import { useCallback, useEffect, useState } from 'preact/hooks';
import type { ApiError } from '../api/errors.js';
import type { Person } from '../auth/person.js';
import { formatDate } from '../i18n/format.js';
import { useT } from '../i18n/index.js';
import { ErrorNotice } from '../ui/error-notice.js';
import { Loading, PageTitle } from '../ui/page.js';
import { AccountForm } from './account-form.js';
import {
  actOnAccount,
  listAccounts,
  sortAccounts,
  type Account,
  type AccountAction,
  type AccountList,
  type IssuedPassword,
} from './accounts-api.js';
import { IssuedPasswordPanel } from './issued-password.js';

/**
 * The institution administrator's accounts: the people of their own institution (the gateway
 * answers for no other), a new account with a password shown once, and disable, enable, unlock
 * and reset for each. Disabling ends the person's sessions at once.
 */
export function Accounts({ person }: { readonly person: Person }) {
  const { t } = useT();
  const [list, setList] = useState<AccountList | null>(null);
  const [loadErrors, setLoadErrors] = useState<readonly ApiError[]>([]);
  const [actionErrors, setActionErrors] = useState<readonly ApiError[]>([]);
  const [done, setDone] = useState<string | null>(null);
  const [issued, setIssued] = useState<IssuedPassword | null>(null);
  const [busyId, setBusyId] = useState<string | null>(null);

  const load = useCallback(async () => {
    const result = await listAccounts();
    setLoadErrors(result.errors);
    if (result.data) setList(result.data);
  }, []);
  useEffect(() => void load(), [load]);

  const act = async (account: Account, action: AccountAction) => {
    if (busyId) return;
    setBusyId(account.id);
    setDone(null);
    const result = await actOnAccount(account.id, action);
    setBusyId(null);
    setActionErrors(result.errors);
    if (result.errors.length === 0) {
      if (action === 'reset-password' && result.data?.password) {
        setIssued({ username: account.username, password: result.data.password, reason: 'reset' });
      } else {
        setDone(t(`admin.done.${action}`, { name: account.displayName }));
      }
    }
    await load();
  };
  const created = (password: IssuedPassword) => {
    setDone(null);
    setActionErrors([]);
    setIssued(password);
    void load();
  };

  const title = t('admin.title', { institution: person.institution.name });
  return (
    <>
      <PageTitle title={title}>{title}</PageTitle>
      <p>{t('admin.intro')}</p>
      {issued ? <IssuedPasswordPanel issued={issued} onDismiss={() => setIssued(null)} /> : null}
      <ErrorNotice errors={loadErrors} />
      {list ? (
        <>
          <section aria-labelledby="accounts-heading">
            <h2 id="accounts-heading">{t('admin.list.heading', { count: list.accounts.length })}</h2>
            <ErrorNotice errors={actionErrors} />
            {done ? (
              <p class="notice notice-ok" role="status">
                {done}
              </p>
            ) : null}
            <AccountTable
              accounts={sortAccounts(list.accounts)}
              ownId={person.accountId}
              busyId={busyId}
              onAct={(account, action) => void act(account, action)}
            />
          </section>
          <AccountForm roles={list.roles} onCreated={created} />
        </>
      ) : loadErrors.length === 0 ? (
        <Loading />
      ) : null}
    </>
  );
}

function AccountTable({
  accounts,
  ownId,
  busyId,
  onAct,
}: {
  readonly accounts: readonly Account[];
  readonly ownId: string;
  readonly busyId: string | null;
  readonly onAct: (account: Account, action: AccountAction) => void;
}) {
  const { t, language } = useT();
  const button = (account: Account, action: AccountAction) => (
    <button
      type="button"
      class="button-quiet button-small"
      disabled={busyId !== null}
      aria-label={t(`admin.actionFor.${action}`, { name: account.displayName })}
      onClick={() => onAct(account, action)}
    >
      {t(`admin.action.${action}`)}
    </button>
  );
  return (
    // On a phone each account becomes a card of its own (app.css), so that its actions stay in
    // view; the explicit roles keep it a table for assistive technology when CSS re-lays it out.
    <div class="table-scroll" role="region" aria-label={t('admin.list.caption')} tabIndex={0}>
      <table class="account-table" role="table">
        <caption class="visually-hidden">{t('admin.list.caption')}</caption>
        <thead role="rowgroup">
          <tr role="row">
            <th scope="col" role="columnheader">
              {t('admin.field.displayName')}
            </th>
            <th scope="col" role="columnheader">
              {t('admin.field.role')}
            </th>
            <th scope="col" role="columnheader">
              {t('admin.field.status')}
            </th>
            <th scope="col" role="columnheader">
              {t('admin.field.createdAt')}
            </th>
            <th scope="col" role="columnheader">
              {t('admin.field.actions')}
            </th>
          </tr>
        </thead>
        <tbody role="rowgroup">
          {accounts.map((account) => {
            const own = account.id === ownId;
            return (
              <tr key={account.id} role="row" data-username={account.username}>
                <th scope="row" role="rowheader">
                  {account.displayName}
                  {own ? <span class="badge badge-info card-tag">{t('admin.list.you')}</span> : null}
                  <span class="sub username">{account.username}</span>
                </th>
                <td role="cell" data-label={t('admin.field.role')}>
                  {t(`roles.${account.role}`)}
                </td>
                <td role="cell" data-label={t('admin.field.status')}>
                  <span class={`badge ${account.status === 'ACTIVE' ? 'badge-ok' : 'badge-muted'}`}>
                    {t(`admin.status.${account.status}`)}
                  </span>
                  {account.locked ? (
                    <span class="badge badge-warn card-tag">{t('admin.status.locked')}</span>
                  ) : null}
                </td>
                <td role="cell" class="nowrap" data-label={t('admin.field.createdAt')}>
                  {formatDate(account.createdAt, language)}
                </td>
                <td role="cell" data-label={t('admin.field.actions')}>
                  <div class="row-actions">
                    {own
                      ? null
                      : account.status === 'ACTIVE'
                        ? button(account, 'disable')
                        : button(account, 'enable')}
                    {account.locked ? button(account, 'unlock') : null}
                    {button(account, 'reset-password')}
                  </div>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
