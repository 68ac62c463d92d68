import { useState, type FormEvent } from 'react';
import { Button, Form, Group, Input, Label, NumberField, Text } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { NETWORK_LIMITS } from '../../../shared/settings.ts';
import { ErrorMessage } from '../components/ErrorMessage.tsx';
import { KeyStoreStatus } from '../components/KeyStoreStatus.tsx';
import { LanguageSwitch } from '../components/LanguageSwitch.tsx';
import { Loading } from '../components/Loading.tsx';
import { useSettings } from '../settings.tsx';

export default function SettingsScreen() {
  const { t } = useTranslation();
  const { settings, error } = useSettings();

  return (
    <section aria-labelledby="settings-title">
      <h1 id="settings-title">{t('settings.title')}</h1>
      {error !== null && <ErrorMessage error={error} />}

      <h2>{t('settings.languageTitle')}</h2>
      <LanguageSwitch className="language-switch language-switch-large" />

      <KeyStoreStatus />

      <h2>{t('settings.networkTitle')}</h2>
      {settings === null ? (
        <Loading />
      ) : (
        <NetworkForm
          timeoutSeconds={settings.network.requestTimeoutMs / 1000}
          concurrency={settings.network.concurrency}
        />
      )}
    </section>
  );
}

function NetworkForm(props: { timeoutSeconds: number; concurrency: number }) {
  const { t } = useTranslation();
  const { update } = useSettings();
  const [timeoutSeconds, setTimeoutSeconds] = useState(props.timeoutSeconds);
  const [concurrency, setConcurrency] = useState(props.concurrency);
  const [saved, setSaved] = useState(false);

  const limits = NETWORK_LIMITS;
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    if (Number.isNaN(timeoutSeconds) || Number.isNaN(concurrency)) {
      return;
    }
    void update({
      network: { requestTimeoutMs: Math.round(timeoutSeconds * 1000), concurrency },
    }).then(setSaved);
  };

  return (
    <Form className="form" onSubmit={onSubmit}>
      <NumberField
        className="field"
        value={timeoutSeconds}
        onChange={(value) => {
          setSaved(false);
          setTimeoutSeconds(value);
        }}
        minValue={limits.requestTimeoutMs.min / 1000}
        maxValue={limits.requestTimeoutMs.max / 1000}
        step={1}
        isRequired
      >
        <Label>{t('settings.timeout')}</Label>
        <Group className="number-group">
          <Input className="input input-narrow" />
        </Group>
        <Text slot="description">
          {t('settings.timeoutHelp', {
            min: limits.requestTimeoutMs.min / 1000,
            max: limits.requestTimeoutMs.max / 1000,
          })}
        </Text>
      </NumberField>
      <NumberField
        className="field"
        value={concurrency}
        onChange={(value) => {
          setSaved(false);
          setConcurrency(value);
        }}
        minValue={limits.concurrency.min}
        maxValue={limits.concurrency.max}
        step={1}
        isRequired
      >
        <Label>{t('settings.concurrency')}</Label>
        <Group className="number-group">
          <Input className="input input-narrow" />
        </Group>
        <Text slot="description">
          {t('settings.concurrencyHelp', {
            min: limits.concurrency.min,
            max: limits.concurrency.max,
          })}
        </Text>
      </NumberField>
      <div className="actions">
        <Button type="submit" className="button button-primary">
          {t('settings.save')}
        </Button>
      </div>
      <p role="status" className="status-line">
        {saved ? t('settings.saved') : ''}
      </p>
    </Form>
  );
}
