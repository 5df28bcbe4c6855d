import { useT } from '../i18n/index.js';
import { Link, useLocation } from '../router.js';

/** The auditor's two ways into the access logs: by service (institution, period) and by worker. */
export function AuditTabs() {
  const { t } = useT();
  const { path } = useLocation();
  const byWorker = path.startsWith('/audit/workers');
  return (
    <nav class="sub-nav" aria-label={t('audit.tabs.label')}>
      <ul>
        <li>
          <Link href="/audit" aria-current={byWorker ? undefined : 'page'}>
            {t('audit.tabs.byService')}
          </Link>
        </li>
        <li>
          <Link href="/audit/workers" aria-current={byWorker ? 'page' : undefined}>
            {t('audit.tabs.byWorker')}
          </Link>
        </li>
      </ul>
    </nav>
  );
}
