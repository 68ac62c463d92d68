import { getLocalTimeZone, today, type CalendarDate } from '@internationalized/date';
import { useTranslation } from 'react-i18next';
import { DateField } from '../connection/ValidityDates.tsx';
import { formatDate } from './format.ts';

/** True when `date` lies before today in the user's time zone. */
export function isPast(date: CalendarDate): boolean {
  return date.compare(today(getLocalTimeZone())) < 0;
}

/**
 * The advisory "use before" date of the file, prefilled with main's default.
 * A date in the past is shown as invalid and blocks the export, and the
 * typed date stays in the field so the user can correct it.
 */
export function UseBeforeField(props: {
  value: CalendarDate | null;
  defaultDate: string;
  onChange(value: CalendarDate | null): void;
}) {
  const { t, i18n } = useTranslation('handover');
  const { value } = props;
  return (
    <DateField
      label={t('useBefore.label')}
      description={t('useBefore.help', { date: formatDate(props.defaultDate, i18n.language) })}
      value={value}
      onChange={props.onChange}
      error={
        value !== null && isPast(value)
          ? t('useBefore.past', { date: formatDate(value.toString(), i18n.language) })
          : null
      }
      warning={null}
      testId="use-before"
    />
  );
}
