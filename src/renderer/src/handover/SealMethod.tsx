import { useCallback } from 'react';
import { Label, Radio, RadioGroup, Text } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { AgeRecipientsPanel } from './AgeRecipientsPanel.tsx';
import { OpenPgpPanel } from './OpenPgpPanel.tsx';
import { PassphrasePanel } from './PassphrasePanel.tsx';
import { SEAL_KINDS, type SealKind, type SealTarget } from './targets.ts';

const LABEL_KEYS: Record<SealKind, string> = {
  passphrase: 'passphrase',
  'age-recipients': 'age',
  openpgp: 'openpgp',
};

/**
 * The choice of how to seal, with the panel of each choice. Every panel
 * stays mounted and is only hidden, so switching back keeps what the user
 * typed. `onTarget` receives each panel's target under its kind.
 */
export function SealMethod(props: {
  kind: SealKind;
  onKind(kind: SealKind): void;
  onTarget(kind: SealKind, target: SealTarget | null): void;
}) {
  const { t } = useTranslation('handover');
  const { onTarget } = props;
  const toPassphrase = useCallback(
    (target: SealTarget | null) => onTarget('passphrase', target),
    [onTarget],
  );
  const toAge = useCallback(
    (target: SealTarget | null) => onTarget('age-recipients', target),
    [onTarget],
  );
  const toOpenPgp = useCallback(
    (target: SealTarget | null) => onTarget('openpgp', target),
    [onTarget],
  );

  return (
    <>
      <RadioGroup
        className="field"
        value={props.kind}
        onChange={(value) => props.onKind(value as SealKind)}
        data-testid="seal-method"
      >
        <Label>{t('method.label')}</Label>
        <Text slot="description">{t('method.help')}</Text>
        {SEAL_KINDS.map((kind) => (
          <Radio key={kind} value={kind} className="radio">
            {({ isSelected }) => (
              <>
                <span className="radio-dot" aria-hidden="true" data-selected={isSelected} />
                <span>
                  <strong>{t(`method.${LABEL_KEYS[kind]}`)}</strong>
                  <span className="task-hint">{t(`method.${LABEL_KEYS[kind]}Hint`)}</span>
                </span>
              </>
            )}
          </Radio>
        ))}
      </RadioGroup>
      <div hidden={props.kind !== 'passphrase'}>
        <PassphrasePanel onTarget={toPassphrase} />
      </div>
      <div hidden={props.kind !== 'age-recipients'}>
        <AgeRecipientsPanel onTarget={toAge} />
      </div>
      <div hidden={props.kind !== 'openpgp'}>
        <OpenPgpPanel onTarget={toOpenPgp} />
      </div>
    </>
  );
}
