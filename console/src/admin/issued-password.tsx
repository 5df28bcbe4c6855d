import { useEffect, useRef } from 'preact/hooks';
import { useT } from '../i18n/index.js';
import type { IssuedPassword } from './accounts-api.js';

/**
 * A generated password, shown this once: large, letter by letter readable, with the instruction
 * to hand it over in person. There is no copy button on purpose: a password copied is a password
 * pasted into a chat. The panel takes focus so that a screen reader reads it at once.
 */
export function IssuedPasswordPanel({
  issued,
  onDismiss,
}: {
  readonly issued: IssuedPassword;
  readonly onDismiss: () => void;
}) {
  const { t } = useT();
  const panel = useRef<HTMLElement>(null);
  useEffect(() => panel.current?.focus(), [issued]);
  return (
    <section ref={panel} class="issued-password" aria-labelledby="issued-password-heading" tabIndex={-1}>
      <h2 id="issued-password-heading">
        {issued.reason === 'created'
          ? t('admin.password.createdTitle', { username: issued.username })
          : t('admin.password.resetTitle', { username: issued.username })}
      </h2>
      <p class="issued-password-label">{t('admin.password.label')}</p>
      <p class="issued-password-value" lang="en" translate={false}>
        {issued.password}
      </p>
      <ul class="issued-password-steps">
        <li>{t('admin.password.handOver')}</li>
        <li>{t('admin.password.noMessages')}</li>
        <li>{t('admin.password.onlyOnce')}</li>
      </ul>
      <button type="button" class="button-primary" onClick={onDismiss}>
        {t('admin.password.dismiss')}
      </button>
    </section>
  );
}
