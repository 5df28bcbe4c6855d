import { messageKey, type ApiError } from '../api/errors.js';
import { useT } from '../i18n/index.js';

/**
 * The API's refusals in the person's language, one line per kind of refusal, from the catalogue
 * by `extensions.code`; the API's own wording never reaches the page except beside a field.
 */
export function ErrorNotice({
  errors,
  context,
}: {
  readonly errors: readonly ApiError[];
  readonly context?: string;
}) {
  const { t, language } = useT();
  if (errors.length === 0) return null;
  const seen = new Set<string>();
  const lines: string[] = [];
  for (const error of errors) {
    const key = messageKey(error.code);
    const text =
      error.code === 'SERVICE_UNAVAILABLE' && error.serviceName
        ? t('errors.SERVICE_UNAVAILABLE_NAMED', {
            service: t(`services.${error.serviceName}`, { defaultValue: error.serviceName }),
          })
        : error.code === 'RATE_LIMITED' && error.retryAfter
          ? t('errors.RATE_LIMITED_RETRY', { seconds: error.retryAfter })
          : t(key);
    if (!seen.has(text)) {
      seen.add(text);
      lines.push(text);
    }
  }
  return (
    <div class="notice notice-error" role="alert" lang={language}>
      {context ? <p class="notice-title">{context}</p> : null}
      {lines.map((line) => (
        <p key={line}>{line}</p>
      ))}
    </div>
  );
}
