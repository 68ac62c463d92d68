import { useEffect, useState } from 'react';
import { Button, FieldError, Label, Text, TextArea, TextField } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { translateError } from '../../../shared/i18n/errors.ts';
import type { OpenPgpKeyInfo } from '../../../shared/ipc/sealing.ts';
import type { AppError } from '../../../shared/result.ts';
import { api } from '../api.ts';
import { ErrorMessage } from '../components/ErrorMessage.tsx';
import { formatDateTime } from './format.ts';
import type { SealTarget } from './targets.ts';
import { useDebouncedCheck } from './useDebouncedCheck.ts';

const inspectKey = (publicKey: string) => api.sealing.inspectPublicKey({ publicKey });

/**
 * Sealing to an OpenPGP public key, pasted or loaded from a file. Main reads
 * the key first, so the user sees whose key it is before sealing, and an
 * expired, revoked or sign-only key is rejected with the reason.
 */
export function OpenPgpPanel(props: { onTarget(target: SealTarget | null): void }) {
  const { t } = useTranslation(['handover', 'errors']);
  const [text, setText] = useState('');
  // A key loaded from a file comes with main's reading of it, so it needs no second check.
  const [loaded, setLoaded] = useState<{ input: string; info: OpenPgpKeyInfo } | null>(null);
  const [loadError, setLoadError] = useState<AppError | null>(null);
  const fromFile = loaded !== null && loaded.input === text;
  const { current, pending } = useDebouncedCheck<OpenPgpKeyInfo>(text, inspectKey, !fromFile);
  const { onTarget } = props;

  let info: OpenPgpKeyInfo | null = null;
  if (fromFile) {
    info = loaded.info;
  } else if (current?.ok === true) {
    info = current.value;
  }
  const publicKey = info === null ? null : text;
  useEffect(() => {
    onTarget(publicKey === null ? null : { kind: 'openpgp', publicKeys: [publicKey] });
  }, [publicKey, onTarget]);

  const load = async () => {
    const result = await api.sealing.readPublicKeyFile();
    if (!result.ok) {
      setLoadError(result.error);
      return;
    }
    setLoadError(null);
    if (result.value !== null) {
      setText(result.value.publicKey);
      setLoaded({ input: result.value.publicKey, info: result.value.info });
    }
  };

  const error = !fromFile && current !== null && !current.ok ? current.error : null;
  return (
    <div className="form" data-testid="openpgp-panel">
      <TextField
        className="field"
        value={text}
        onChange={setText}
        isInvalid={error !== null}
        validationBehavior="aria"
        data-testid="openpgp-key"
      >
        <Label>{t('openpgp.label')}</Label>
        <Text slot="description">{t('openpgp.help')}</Text>
        <TextArea
          rows={6}
          spellCheck={false}
          autoComplete="off"
          className="react-aria-TextArea mono"
        />
        <FieldError>{error === null ? '' : translateError(t, error)}</FieldError>
        <p className="status-line" role="status">
          {pending && !fromFile && t('openpgp.checking')}
        </p>
      </TextField>
      <div className="input-row">
        <Button className="button button-small" onPress={() => void load()}>
          {t('openpgp.load')}
        </Button>
      </div>
      {loadError !== null && <ErrorMessage error={loadError} />}
      {info !== null && <KeyInfo info={info} />}
    </div>
  );
}

function KeyInfo({ info }: { info: OpenPgpKeyInfo }) {
  const { t, i18n } = useTranslation('handover');
  return (
    <section
      className="note note-ok"
      aria-labelledby="openpgp-info-title"
      data-testid="openpgp-info"
    >
      <h3 id="openpgp-info-title">{t('openpgp.infoTitle')}</h3>
      <dl className="facts">
        <dt>{t('openpgp.fingerprint')}</dt>
        <dd className="mono" data-testid="openpgp-fingerprint">
          {info.fingerprint}
        </dd>
        <dt>{t('openpgp.userIds')}</dt>
        {info.userIds.map((userId) => (
          <dd key={userId}>{userId}</dd>
        ))}
        <dt>{t('openpgp.algorithm')}</dt>
        <dd>{info.algorithm}</dd>
        <dt>{t('openpgp.createdAt')}</dt>
        <dd>{formatDateTime(info.createdAt, i18n.language)}</dd>
        <dt>{t('openpgp.expiresAt')}</dt>
        <dd>
          {info.expiresAt === null
            ? t('openpgp.neverExpires')
            : formatDateTime(info.expiresAt, i18n.language)}
        </dd>
      </dl>
      <p>{t('openpgp.infoHelp')}</p>
    </section>
  );
}
