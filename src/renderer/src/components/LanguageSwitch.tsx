import {
  Label,
  ListBox,
  ListBoxItem,
  Popover,
  Select,
  SelectValue,
  Button,
} from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { LANGUAGES, type Language } from '../../../shared/ipc/app.ts';
import { useSettings } from '../settings.tsx';

/** Language choice; stored in the settings so it survives a restart. */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const { update } = useSettings();

  return (
    <Select
      className="language-switch"
      selectedKey={i18n.language as Language}
      onSelectionChange={(key) => {
        void update({ language: key as Language });
      }}
    >
      <Label>{t('language.label')}</Label>
      <Button>
        <SelectValue />
        <span aria-hidden="true"> ▾</span>
      </Button>
      <Popover>
        <ListBox>
          {LANGUAGES.map((language) => (
            <ListBoxItem key={language} id={language} lang={language}>
              {t(`language.${language}`)}
            </ListBoxItem>
          ))}
        </ListBox>
      </Popover>
    </Select>
  );
}
