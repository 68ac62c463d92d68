import { useTranslation } from 'react-i18next';
import { formatIsoDate } from './format.ts';
import type { ManifestWarning } from './checks.ts';

/** One warning about an opened file, with an icon and text, never colour alone. */
export function WarningNote({ warning }: { warning: ManifestWarning }) {
  const { t, i18n } = useTranslation('open');
  const params = Object.fromEntries(
    Object.entries(warning.params ?? {}).map(([name, value]) => [
      name,
      /^\d{4}-\d{2}-\d{2}$/.test(value) ? formatIsoDate(value, i18n.language) : value,
    ]),
  );
  return (
    <p className="note note-warning" data-warning={warning.key}>
      <span aria-hidden="true">⚠ </span>
      {t(warning.key, params)}
    </p>
  );
}
