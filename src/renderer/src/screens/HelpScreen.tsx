import { useTranslation } from 'react-i18next';
import { DiagnosticsExport } from '../components/DiagnosticsExport.tsx';

const COMMON_MISTAKES = ['tick', 'space', 'endDate', 'company'] as const;

export default function HelpScreen() {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="help-title">
      <h1 id="help-title">{t('help.title')}</h1>
      <p>{t('help.intro')}</p>

      <h2>{t('help.whoTitle')}</h2>
      <dl className="contacts">
        <div className="contact">
          <dt>{t('help.cobraTitle')}</dt>
          <dd>{t('help.cobraBody')}</dd>
        </div>
        <div className="contact">
          <dt>{t('help.recipientTitle')}</dt>
          <dd>{t('help.recipientBody')}</dd>
        </div>
        <div className="contact">
          <dt>{t('help.itTitle')}</dt>
          <dd>{t('help.itBody')}</dd>
        </div>
      </dl>

      <h2>{t('help.mistakesTitle')}</h2>
      <ul className="plain-list">
        {COMMON_MISTAKES.map((item) => (
          <li key={item}>{t(`help.mistakes.${item}`)}</li>
        ))}
      </ul>

      <DiagnosticsExport />
    </section>
  );
}
