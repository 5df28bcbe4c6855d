import type { Person } from '../auth/person.js';
import { useT } from '../i18n/index.js';
import { Link, useLocation } from '../router.js';
import { LanguageSwitch } from './language-switch.js';
import { sectionsFor } from './navigation.js';

export function SkipLink() {
  const { t } = useT();
  return (
    <a class="skip-link" href="#main">
      {t('app.skipToContent')}
    </a>
  );
}

/** Who is signed in, for which institution, the language switch, sign-out, and the sections of their role. */
export function Header({ person, onSignOut }: { readonly person: Person; readonly onSignOut: () => void }) {
  const { t } = useT();
  const { path } = useLocation();
  const sections = sectionsFor(person.role);
  return (
    <header class="app-header">
      <div class="header-bar">
        <Link class="brand" href="/">
          {t('app.name')}
        </Link>
        <div class="who">
          <span class="who-name">{person.displayName}</span>
          <span class="who-detail">
            {t(`roles.${person.role}`)} · {person.institution.name}
          </span>
        </div>
        <div class="header-actions">
          <LanguageSwitch />
          <button type="button" class="button-quiet" onClick={onSignOut}>
            {t('auth.signOut')}
          </button>
        </div>
      </div>
      {sections.length > 0 ? (
        <nav class="app-nav" aria-label={t('nav.label')}>
          <ul>
            {sections.map((section) => {
              const current = path === section.path || path.startsWith(`${section.path}/`);
              return (
                <li key={section.path}>
                  <Link href={section.path} aria-current={current ? 'page' : undefined}>
                    {t(section.labelKey)}
                  </Link>
                </li>
              );
            })}
          </ul>
        </nav>
      ) : null}
    </header>
  );
}
