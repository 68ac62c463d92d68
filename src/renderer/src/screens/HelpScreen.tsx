import { useTranslation } from 'react-i18next';
import { DiagnosticsExport } from '../components/DiagnosticsExport.tsx';
import { ErrorMessage } from '../components/ErrorMessage.tsx';
import { useProfiles } from '../profiles.ts';

const COMMON_MISTAKES = ['tick', 'space', 'endDate', 'company'] as const;

export default function HelpScreen() {
  const { t, i18n } = useTranslation();
  const { profiles, error } = useProfiles();
  const language = i18n.language === 'en' ? 'en' : 'nl';
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
          <dd>
            {t('help.recipientBody')}
            {error !== null && <ErrorMessage error={error} />}
            <ul className="plain-list" data-testid="help-recipients">
              {profiles?.map((profile) => (
                <li key={profile.id}>
                  {t('help.recipientLine', {
                    profile: profile.name[language],
                    recipient: [profile.recipient.name, profile.recipient.email]
                      .filter(Boolean)
                      .join(', '),
                  })}
                </li>
              ))}
            </ul>
          </dd>
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
