import type { ComponentChildren, RefObject } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import type { ApiError } from '../api/errors.js';
import { useT } from '../i18n/index.js';
import { ErrorNotice } from '../ui/error-notice.js';
import { describedBy, Field } from '../ui/field.js';

/**
 * The controls of the console's write forms, each labelled, with its hint and its problem tied to
 * it (`aria-describedby`, `aria-invalid`), so that a person using a screen reader hears why a
 * field was refused when they reach it.
 */
interface ControlProps {
  readonly id: string;
  readonly label: string;
  readonly hint?: string | undefined;
  readonly problem?: string | undefined;
  readonly optional?: boolean;
}

function labelOf(label: string, optional: boolean | undefined, optionalWord: string): string {
  return optional ? `${label} (${optionalWord})` : label;
}

export function TextInput({
  id,
  label,
  hint,
  problem,
  optional,
  value,
  onValue,
  type = 'text',
  inputMode,
  autoComplete = 'off',
  maxLength,
  list,
}: ControlProps & {
  readonly value: string;
  readonly onValue: (value: string) => void;
  readonly type?: 'text' | 'date' | 'number' | 'tel';
  readonly inputMode?: 'numeric' | 'tel' | 'text';
  readonly autoComplete?: string;
  readonly maxLength?: number;
  readonly list?: string;
}) {
  const { t } = useT();
  return (
    <Field
      id={id}
      label={labelOf(label, optional, t('officerForms.form.optional'))}
      hint={hint}
      problem={problem}
    >
      <input
        id={id}
        name={id}
        type={type}
        inputMode={inputMode}
        autoComplete={autoComplete}
        maxLength={maxLength}
        list={list}
        value={value}
        onInput={(event) => onValue(event.currentTarget.value)}
        aria-invalid={problem ? true : undefined}
        aria-describedby={describedBy(id, hint, problem)}
      />
    </Field>
  );
}

export function TextArea({
  id,
  label,
  hint,
  problem,
  optional,
  value,
  onValue,
  rows = 3,
}: ControlProps & {
  readonly value: string;
  readonly onValue: (value: string) => void;
  readonly rows?: number;
}) {
  const { t } = useT();
  return (
    <Field
      id={id}
      label={labelOf(label, optional, t('officerForms.form.optional'))}
      hint={hint}
      problem={problem}
    >
      <textarea
        id={id}
        name={id}
        rows={rows}
        value={value}
        onInput={(event) => onValue(event.currentTarget.value)}
        aria-invalid={problem ? true : undefined}
        aria-describedby={describedBy(id, hint, problem)}
      />
    </Field>
  );
}

export interface Option {
  readonly value: string;
  readonly label: string;
}

export function SelectInput({
  id,
  label,
  hint,
  problem,
  optional,
  value,
  onValue,
  options,
  placeholder,
  disabled,
}: ControlProps & {
  readonly value: string;
  readonly onValue: (value: string) => void;
  readonly options: readonly Option[];
  /** The first, empty choice ("Pilih…", or "none" for an optional field). */
  readonly placeholder?: string;
  readonly disabled?: boolean;
}) {
  const { t } = useT();
  return (
    <Field
      id={id}
      label={labelOf(label, optional, t('officerForms.form.optional'))}
      hint={hint}
      problem={problem}
    >
      <select
        id={id}
        name={id}
        value={value}
        disabled={disabled}
        onChange={(event) => onValue(event.currentTarget.value)}
        aria-invalid={problem ? true : undefined}
        aria-describedby={describedBy(id, hint, problem)}
      >
        <option value="">{placeholder ?? t('officerForms.form.choose')}</option>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </Field>
  );
}

/** Radio buttons (one of) or check boxes (any of) in a fieldset whose legend names the field. */
export function ChoiceGroup({
  id,
  label,
  hint,
  problem,
  optional,
  options,
  multiple,
  wide,
  value,
  onValue,
}: ControlProps & {
  readonly options: readonly Option[];
  readonly multiple?: boolean;
  /** Spans the whole form (a long list of check boxes). */
  readonly wide?: boolean;
  readonly value: readonly string[];
  readonly onValue: (value: string[]) => void;
}) {
  const { t } = useT();
  const toggle = (option: string, checked: boolean) => {
    if (!multiple) onValue([option]);
    else onValue(checked ? [...value, option] : value.filter((item) => item !== option));
  };
  return (
    <fieldset
      class={`choices${wide ? ' choices-wide' : ''}${problem ? ' field-invalid' : ''}`}
      id={id}
      aria-describedby={describedBy(id, hint, problem)}
    >
      <legend>{labelOf(label, optional, t('officerForms.form.optional'))}</legend>
      <div class="choice-list">
        {options.map((option) => (
          <label key={option.value} class="choice">
            <input
              type={multiple ? 'checkbox' : 'radio'}
              name={id}
              value={option.value}
              checked={value.includes(option.value)}
              onChange={(event) => toggle(option.value, event.currentTarget.checked)}
              aria-invalid={problem ? true : undefined}
            />
            <span>{option.label}</span>
          </label>
        ))}
      </div>
      {hint ? (
        <p class="field-hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      {problem ? (
        <p class="field-problem" id={`${id}-problem`}>
          {problem}
        </p>
      ) : null}
    </fieldset>
  );
}

/**
 * A write form: its heading, its refusals (from the catalogue by code; BAD_USER_INPUT issues that
 * name no field of the form listed with the API's words), its fields and its buttons. After each
 * refused answer, focus moves to the first field with a problem, or to the refusal itself.
 */
export function WriteForm({
  id,
  title,
  errors,
  unplaced = [],
  codeMessages = {},
  attempts,
  pending,
  submitLabel,
  onSubmit,
  onCancel,
  focusFirstField = true,
  children,
}: {
  readonly id: string;
  readonly title: string;
  readonly errors: readonly ApiError[];
  readonly unplaced?: readonly { readonly field: string; readonly message: string }[];
  /** What a refusal with this code means for this form, in place of the catalogue's general words. */
  readonly codeMessages?: Readonly<Partial<Record<string, string>>>;
  /** Counts answers and the console's own refusals; focus moves when it changes. */
  readonly attempts: number;
  readonly pending: boolean;
  readonly submitLabel: string;
  readonly onSubmit: () => void;
  readonly onCancel?: () => void;
  /** A form opened from a button takes the keyboard to its first field; a screen's form leaves it at the heading. */
  readonly focusFirstField?: boolean;
  readonly children: ComponentChildren;
}) {
  const { t } = useT();
  const form = useRef<HTMLFormElement>(null);
  useFocusOnProblem(form, attempts);
  // A service that did not answer a write means nothing was saved: said so, naming the service.
  const messageOf = (error: ApiError) =>
    codeMessages[error.code] ??
    (error.code === 'SERVICE_UNAVAILABLE'
      ? t('officerForms.form.unavailable', {
          service: t(`services.${error.serviceName ?? 'gateway'}`, { defaultValue: error.serviceName }),
        })
      : undefined);
  const specific = [...new Set(errors.flatMap((error) => messageOf(error) ?? []))];
  const general = errors.filter((error) => messageOf(error) === undefined);
  useEffect(() => {
    if (focusFirstField) form.current?.querySelector<HTMLElement>('input, select, textarea')?.focus();
  }, []);
  return (
    <form
      ref={form}
      class="write-form"
      aria-labelledby={`${id}-title`}
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        if (!pending) onSubmit();
      }}
    >
      <h3 id={`${id}-title`} class="write-form-title">
        {title}
      </h3>
      <div tabIndex={-1} class="write-form-notice">
        {specific.length > 0 ? (
          <div class="notice notice-error" role="alert">
            {specific.map((line) => (
              <p key={line}>{line}</p>
            ))}
          </div>
        ) : null}
        <ErrorNotice errors={general} />
        {unplaced.length > 0 ? (
          <ul class="field-problem">
            {unplaced.map((issue) => (
              <li key={issue.field}>
                {t(`fields.${issueFieldName(issue.field)}`, { defaultValue: issue.field })}: {issue.message}
              </li>
            ))}
          </ul>
        ) : null}
      </div>
      <div class="write-form-fields">{children}</div>
      <div class="form-actions">
        <button type="submit" class="button-primary" disabled={pending} aria-disabled={pending}>
          {pending ? t('officerForms.form.saving') : submitLabel}
        </button>
        {onCancel ? (
          <button type="button" class="button-quiet" onClick={onCancel}>
            {t('officerForms.form.cancel')}
          </button>
        ) : null}
      </div>
    </form>
  );
}

function issueFieldName(field: string): string {
  return (
    field
      .split('.')
      .filter((segment) => !/^\d+$/.test(segment))
      .pop() ?? field
  );
}

function useFocusOnProblem(form: RefObject<HTMLFormElement | null>, attempts: number): void {
  useEffect(() => {
    if (attempts === 0 || !form.current) return;
    const invalid = form.current.querySelector<HTMLElement>('[aria-invalid="true"]');
    if (invalid) invalid.focus();
    else if (form.current.querySelector('[role="alert"]'))
      form.current.querySelector<HTMLElement>('.write-form-notice')?.focus();
  }, [attempts]);
}

/** "Saved": a status line a screen reader announces without moving the person's focus. */
export function Done({ message }: { readonly message: string | null }) {
  return (
    <p class={message ? 'notice notice-ok' : 'visually-hidden'} role="status">
      {message ?? ''}
    </p>
  );
}
