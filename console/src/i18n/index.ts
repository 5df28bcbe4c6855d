import i18next, { type TFunction } from 'i18next';
import { useEffect, useMemo, useState } from 'preact/hooks';
import { STORAGE } from '../config.js';
import en from './en.json';
import id from './id.json';

export const LANGUAGES = ['id', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

function rememberedLanguage(): Language {
  const stored = localStorage.getItem(STORAGE.language);
  return stored === 'en' ? 'en' : 'id';
}

/** Bahasa Indonesia first; English when the person chose it in this browser before. */
export async function startI18n(): Promise<void> {
  await i18next.init({
    lng: rememberedLanguage(),
    fallbackLng: 'id',
    supportedLngs: [...LANGUAGES],
    resources: { id: { translation: id }, en: { translation: en } },
    interpolation: { escapeValue: false }, // Preact escapes text itself.
    returnNull: false,
  });
  document.documentElement.lang = i18next.language;
}

export function currentLanguage(): Language {
  return i18next.language === 'en' ? 'en' : 'id';
}

export async function setLanguage(language: Language): Promise<void> {
  localStorage.setItem(STORAGE.language, language);
  await i18next.changeLanguage(language);
  document.documentElement.lang = language;
}

/** The catalogue's `t` for the current language; components re-render when the language changes. */
export function useT(): { readonly t: TFunction; readonly language: Language } {
  const [language, setState] = useState<Language>(currentLanguage());
  useEffect(() => {
    const changed = () => setState(currentLanguage());
    i18next.on('languageChanged', changed);
    return () => i18next.off('languageChanged', changed);
  }, []);
  // One `t` per language: effects that depend on it run when the language changes, not on every render.
  const t = useMemo(() => i18next.getFixedT(language), [language]);
  return { t, language };
}
