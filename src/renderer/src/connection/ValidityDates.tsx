import { getLocalTimeZone, parseDate, today, type CalendarDate } from '@internationalized/date';
import { useEffect, useRef, useState } from 'react';
import {
  Button,
  Calendar,
  CalendarCell,
  CalendarGrid,
  DateInput,
  DatePicker,
  DateSegment,
  Dialog,
  FieldError,
  Group,
  Heading,
  Label,
  Popover,
  Text,
  useLocale,
} from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { AppError } from '../../../shared/result.ts';
import { ErrorMessage } from '../components/ErrorMessage.tsx';

type Patch = { validFrom?: string | null; validUntil?: string | null };

function toDate(stored: string | null): CalendarDate | null {
  return stored === null ? null : parseDate(stored);
}

/**
 * The API client's start and end date as entered in Cobra. A date is stored
 * when the user leaves its field, not on every keystroke: while the user
 * types a year, the field contains dates such as 0202-01-13. An end date
 * before the start date is shown as an error and neither date is stored
 * until it is corrected. A start date in the future or an end date in the
 * past is stored with an explanation, since Cobra then rejects the client.
 */
export function ValidityDates(props: {
  validFrom: string | null;
  validUntil: string | null;
  save(patch: Patch): Promise<AppError | null>;
}) {
  const { t } = useTranslation('steps');
  const { locale } = useLocale();
  const [from, setFrom] = useState(toDate(props.validFrom));
  const [until, setUntil] = useState(toDate(props.validUntil));
  const [saveError, setSaveError] = useState<AppError | null>(null);

  // Take newly stored dates during render, as React recommends for state derived from props.
  const [seen, setSeen] = useState([props.validFrom, props.validUntil]);
  if (seen[0] !== props.validFrom || seen[1] !== props.validUntil) {
    setSeen([props.validFrom, props.validUntil]);
    setFrom(toDate(props.validFrom));
    setUntil(toDate(props.validUntil));
  }

  const now = today(getLocalTimeZone());
  const endBeforeStart = from !== null && until !== null && until.compare(from) < 0;
  const format = (date: CalendarDate) =>
    new Intl.DateTimeFormat(locale, { dateStyle: 'long' }).format(date.toDate(getLocalTimeZone()));

  // The latest dates, for a commit that runs in the same event as the change
  // that set them (a date picked in the calendar closes it at once).
  const latest = useRef({ from, until });
  useEffect(() => {
    latest.current = { from, until };
  }, [from, until]);

  const commit = async () => {
    const current = latest.current;
    if (
      current.from !== null &&
      current.until !== null &&
      current.until.compare(current.from) < 0
    ) {
      return;
    }
    const patch: Patch = {};
    const validFrom = current.from?.toString() ?? null;
    const validUntil = current.until?.toString() ?? null;
    if (validFrom !== props.validFrom) {
      patch.validFrom = validFrom;
    }
    if (validUntil !== props.validUntil) {
      patch.validUntil = validUntil;
    }
    if (Object.keys(patch).length > 0) {
      setSaveError(await props.save(patch));
    }
  };

  return (
    <div className="date-pair">
      <DateField
        label={t('client.validFrom')}
        description={t('client.validFromHelp')}
        value={from}
        onChange={(value) => {
          latest.current = { ...latest.current, from: value };
          setFrom(value);
        }}
        onCommit={() => void commit()}
        warning={
          from !== null && from.compare(now) > 0
            ? t('client.startFuture', { date: format(from) })
            : null
        }
        testId="valid-from"
      />
      <DateField
        label={t('client.validUntil')}
        description={t('client.validUntilHelp')}
        value={until}
        minValue={from ?? undefined}
        onChange={(value) => {
          latest.current = { ...latest.current, until: value };
          setUntil(value);
        }}
        onCommit={() => void commit()}
        error={
          endBeforeStart && from !== null
            ? t('client.endBeforeStart', { start: format(from) })
            : null
        }
        warning={
          !endBeforeStart && until !== null && until.compare(now) < 0 ? t('client.endPast') : null
        }
        testId="valid-until"
      />
      {saveError !== null && <ErrorMessage error={saveError} />}
    </div>
  );
}

/** A date picker with its label, description, error and warning, in the locale's date format. */
export function DateField(props: {
  label: string;
  description: string;
  value: CalendarDate | null;
  minValue?: CalendarDate;
  onChange(value: CalendarDate | null): void;
  /** Called when focus leaves the typed date and when the calendar closes. */
  onCommit?(): void;
  error?: string | null;
  warning: string | null;
  testId: string;
}) {
  const { t } = useTranslation('steps');
  const error = props.error ?? null;
  return (
    <DatePicker
      className="field"
      value={props.value}
      onChange={props.onChange}
      onOpenChange={(isOpen) => {
        if (!isOpen) {
          props.onCommit?.();
        }
      }}
      granularity="day"
      isInvalid={error !== null}
      validationBehavior="aria"
      data-testid={props.testId}
    >
      <Label>{props.label}</Label>
      <Text slot="description">{props.description}</Text>
      <Group className="date-group">
        <div
          className="date-input-focus"
          onBlur={(event) => {
            // Moving between the segments of one date is no commit.
            if (!event.currentTarget.contains(event.relatedTarget)) {
              props.onCommit?.();
            }
          }}
        >
          <DateInput>{(segment) => <DateSegment segment={segment} />}</DateInput>
        </div>
        <Button className="button button-small" aria-label={t('client.openCalendar')}>
          <span aria-hidden="true">📅</span>
        </Button>
      </Group>
      <FieldError>{error ?? ''}</FieldError>
      {props.warning !== null && (
        <p className="field-warning" data-testid={`${props.testId}-warning`}>
          <span aria-hidden="true">⚠ </span>
          {props.warning}
        </p>
      )}
      <Popover>
        <Dialog aria-label={props.label}>
          <Calendar>
            <header>
              <Button slot="previous" aria-label={t('client.previousMonth')}>
                ◀
              </Button>
              <Heading />
              <Button slot="next" aria-label={t('client.nextMonth')}>
                ▶
              </Button>
            </header>
            <CalendarGrid>{(date) => <CalendarCell date={date} />}</CalendarGrid>
          </Calendar>
        </Dialog>
      </Popover>
    </DatePicker>
  );
}
