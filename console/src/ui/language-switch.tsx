import { setLanguage, useT, type Language } from '../i18n/index.js';

/** Switches between Bahasa Indonesia and English; the choice is remembered in this browser. */
export function LanguageSwitch() {
  const { t, language } = useT();
  const other: Language = language === 'id' ? 'en' : 'id';
  return (
    <button
      type="button"
      class="button-quiet language-switch"
      lang={other}
      aria-label={t('language.switchTo', { lng: other })}
      onClick={() => void setLanguage(other)}
    >
      {t('language.name', { lng: other })}
    </button>
  );
}
