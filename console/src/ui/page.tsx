import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { useT } from '../i18n/index.js';

/**
 * A screen's heading: names the tab and takes focus when the screen appears, so that a screen
 * reader announces the new screen and the keyboard starts from it.
 */
export function PageTitle({
  children,
  title,
}: {
  readonly children: ComponentChildren;
  readonly title: string;
}) {
  const { t } = useT();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${title} · ${t('app.name')}`;
  }, [title, t]);
  // Focus moves to a screen's heading when the screen appears, not when its content changes
  // (a sort, a year, a language): the keyboard stays where the person is working.
  useEffect(() => heading.current?.focus(), []);
  return (
    <h1 ref={heading} tabIndex={-1}>
      {children}
    </h1>
  );
}

export function Loading() {
  const { t } = useT();
  return (
    <p class="loading" role="status">
      {t('common.loading')}
    </p>
  );
}
