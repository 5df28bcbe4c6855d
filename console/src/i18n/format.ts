import type { Language } from './index.js';

/** Indonesian formats in Bahasa Indonesia ("1 Desember 2026", "1.234", "Rp 1.500.000"), British in English. */
const LOCALES: Record<Language, string> = { id: 'id-ID', en: 'en-GB' };
/** The hub's regions all lie in WIB; times of day are shown as they were in Jawa. */
const TIME_ZONE = 'Asia/Jakarta';

/**
 * The day of a calendar date (`2026-12-01`, formatted as written: it has no time zone) or of a
 * moment (`2026-12-01T20:00:00Z`, the day it was in WIB): "1 Desember 2026".
 */
export function formatDate(iso: string | null | undefined, language: Language): string {
  if (!iso) return '';
  const calendarDate = iso.length === 10;
  const date = new Date(calendarDate ? `${iso}T00:00:00Z` : iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(LOCALES[language], {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: calendarDate ? 'UTC' : TIME_ZONE,
  }).format(date);
}

/** A moment (`2026-12-01T07:05:00Z`) in WIB: "1 Desember 2026 14.05". */
export function formatDateTime(iso: string | null | undefined, language: Language): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(LOCALES[language], {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZone: TIME_ZONE,
  }).format(date);
}

export function formatNumber(value: number, language: Language, fractionDigits = 0): string {
  return new Intl.NumberFormat(LOCALES[language], {
    minimumFractionDigits: fractionDigits,
    maximumFractionDigits: fractionDigits,
  }).format(value);
}

/** An amount of money; rupiah (the default) without decimals, as rupiah amounts are written. */
export function formatMoney(amount: number, language: Language, currency = 'IDR'): string {
  return new Intl.NumberFormat(LOCALES[language], {
    style: 'currency',
    currency,
    ...(currency === 'IDR' ? { maximumFractionDigits: 0, minimumFractionDigits: 0 } : {}),
  }).format(amount);
}

/** A country by its ISO 3166 code, named in the console's language ("HK" is "Hong Kong"). */
export function formatCountry(code: string, language: Language): string {
  try {
    return new Intl.DisplayNames([LOCALES[language]], { type: 'region', style: 'short' }).of(code) ?? code;
  } catch {
    return code;
  }
}
