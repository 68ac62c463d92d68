import { FieldError, Input, Label, TextField } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import {
  SENDER_FIELDS,
  SENDER_MAX_LENGTH,
  senderProblems,
  type SenderDraft,
  type SenderField,
} from './sender.ts';

const INPUT_TYPES: Record<SenderField, string> = {
  name: 'text',
  organisation: 'text',
  email: 'email',
  phone: 'tel',
};

const AUTOCOMPLETE: Record<SenderField, string> = {
  name: 'name',
  organisation: 'organization',
  email: 'email',
  phone: 'tel',
};

/** The optional contact details of the sender, written into the file for the recipient. */
export function SenderFields(props: { value: SenderDraft; onChange(value: SenderDraft): void }) {
  const { t } = useTranslation('handover');
  const problems = senderProblems(props.value);
  return (
    <fieldset className="form fieldset" data-testid="sender">
      <legend>{t('sender.title')}</legend>
      <p className="muted">{t('sender.help')}</p>
      {SENDER_FIELDS.map((field) => {
        const problem = problems[field];
        return (
          <TextField
            key={field}
            className="field"
            type={INPUT_TYPES[field]}
            value={props.value[field]}
            onChange={(text) => props.onChange({ ...props.value, [field]: text })}
            isInvalid={problem !== undefined}
            validationBehavior="aria"
            data-testid={`sender-${field}`}
          >
            <Label>{t(`sender.${field}`)}</Label>
            <Input autoComplete={AUTOCOMPLETE[field]} />
            <FieldError>
              {problem === undefined
                ? ''
                : t(`sender.${problem}`, {
                    value: props.value[field].trim(),
                    max: SENDER_MAX_LENGTH[field],
                  })}
            </FieldError>
          </TextField>
        );
      })}
    </fieldset>
  );
}
