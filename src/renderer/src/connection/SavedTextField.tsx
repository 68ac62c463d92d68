import { useState } from 'react';
import { FieldError, Input, Label, Text, TextArea, TextField } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { Checked, InputMessage } from '../../../shared/inputs.ts';
import type { AppError } from '../../../shared/result.ts';
import { ErrorMessage } from '../components/ErrorMessage.tsx';

/**
 * A text field that checks its value with the core's input rules and stores
 * it when the user leaves the field. An invalid value is shown with the
 * rule's message and not stored; warnings show under the field.
 */
export function SavedTextField<T>(props: {
  label: string;
  description: string;
  stored: string;
  check(raw: string): Checked<T>;
  save(value: T): Promise<AppError | null>;
  /** Text shown under a valid value, e.g. the parsed company numbers. */
  echo?(value: T): string | null;
  multiline?: boolean;
  testId?: string;
}) {
  const { t } = useTranslation('inputs');
  const [value, setValue] = useState(props.stored);
  const [error, setError] = useState<InputMessage | null>(null);
  const [warnings, setWarnings] = useState<InputMessage[]>([]);
  const [saveError, setSaveError] = useState<AppError | null>(null);
  const [echo, setEcho] = useState<string | null>(null);

  // Take a new stored value (another field's save, a reload) during render,
  // as React recommends for state derived from props.
  const [seenStored, setSeenStored] = useState(props.stored);
  if (seenStored !== props.stored) {
    setSeenStored(props.stored);
    setValue(props.stored);
  }

  const commit = async () => {
    if (value === props.stored && error === null) {
      return;
    }
    const checked = props.check(value);
    setWarnings(checked.warnings);
    if (!checked.ok) {
      setError(checked.error);
      setEcho(null);
      return;
    }
    setError(null);
    setEcho(props.echo?.(checked.value) ?? null);
    setSaveError(await props.save(checked.value));
  };

  const Control = props.multiline === true ? TextArea : Input;
  return (
    <TextField
      className="field"
      value={value}
      onChange={(next) => {
        setValue(next);
        if (error !== null && props.check(next).ok) {
          setError(null);
        }
      }}
      onBlur={() => void commit()}
      isInvalid={error !== null}
      validationBehavior="aria"
      data-testid={props.testId}
    >
      <Label>{props.label}</Label>
      <Text slot="description">{props.description}</Text>
      <Control className="input" spellCheck={false} autoComplete="off" />
      <FieldError>{error === null ? '' : t(error.code, error.params)}</FieldError>
      {warnings.map((warning) => (
        <p key={warning.code} className="field-warning">
          <span aria-hidden="true">⚠ </span>
          {t(warning.code, warning.params)}
        </p>
      ))}
      {echo !== null && <p className="muted">{echo}</p>}
      {saveError !== null && <ErrorMessage error={saveError} />}
    </TextField>
  );
}
