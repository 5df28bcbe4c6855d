import { useState } from 'preact/hooks';

/**
 * The write panels of one part of a record: at most one open at a time (a form to record, or an
 * action on one row), and the last thing done, said in a status line. Closing a panel gives the
 * keyboard back to the button that opened it.
 */
export interface Panels {
  readonly open: string | null;
  readonly done: string | null;
  readonly show: (key: string) => void;
  readonly close: () => void;
  /** Closes the panel after a write that succeeded, saying what it did. */
  /** Closes the panel and says `message`, once `reload` (the screen's data asked again) is done. */
  readonly finish: (message: string, reload?: () => unknown) => void;
}

export function usePanels(): Panels {
  const [open, setOpen] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const returnFocus = (key: string | null) => {
    if (!key) return;
    // After the panel is gone: the button that opened it is rendered again by then.
    requestAnimationFrame(() => document.getElementById(toggleId(key))?.focus());
  };
  return {
    open,
    done,
    show: (key) => {
      setDone(null);
      setOpen((current) => (current === key ? null : key));
    },
    close: () => {
      returnFocus(open);
      setOpen(null);
    },
    finish: (message, reload) => {
      void Promise.resolve(reload?.()).then(() => {
        returnFocus(open);
        setOpen(null);
        setDone(message);
      });
    },
  };
}

/** The id of the button that opens a panel (`record-document` opens with `record-document-toggle`). */
export function toggleId(key: string): string {
  return `${key.replace(/[^a-zA-Z0-9_-]/g, '-')}-toggle`;
}

/** A button that opens or closes a panel, saying which state it is in. */
export function PanelToggle({
  panels,
  panelKey,
  label,
  ariaLabel,
  quiet,
}: {
  readonly panels: Panels;
  readonly panelKey: string;
  readonly label: string;
  /** A fuller name where the same button appears on several rows ("Tolak Paspor"). */
  readonly ariaLabel?: string;
  readonly quiet?: boolean;
}) {
  const expanded = panels.open === panelKey;
  return (
    <button
      type="button"
      id={toggleId(panelKey)}
      class={quiet ? 'button-quiet button-small' : 'button-quiet'}
      aria-expanded={expanded}
      aria-label={ariaLabel}
      onClick={() => panels.show(panelKey)}
    >
      {label}
    </button>
  );
}
