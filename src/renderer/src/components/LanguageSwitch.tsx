import { ToggleButton, ToggleButtonGroup } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { LANGUAGES, type Language } from '../../../shared/settings.ts';
import { useSettings } from '../settings.tsx';

/** Language choice as two toggle buttons; stored in the settings so it survives a restart. */
export function LanguageSwitch({ className }: { className?: string }) {
  const { t, i18n } = useTranslation();
  const { update } = useSettings();

  return (
    <ToggleButtonGroup
      className={className ?? 'language-switch'}
      aria-label={t('language.label')}
      selectionMode="single"
      disallowEmptySelection
      selectedKeys={[i18n.language]}
      onSelectionChange={(keys) => {
        const [next] = [...keys] as Language[];
        if (next !== undefined && next !== i18n.language) {
          void update({ language: next });
        }
      }}
    >
      {LANGUAGES.map((language) => (
        <ToggleButton key={language} id={language} lang={language}>
          {t(`language.${language}`)}
        </ToggleButton>
      ))}
    </ToggleButtonGroup>
  );
}
