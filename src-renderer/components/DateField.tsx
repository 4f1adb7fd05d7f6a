import {
  DateInput,
  DateTimePicker,
  type DateInputProps,
  type DateTimePickerProps,
  type DateStringValue,
} from '@mantine/dates';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isoDate } from '../../src-main/contract';

/** How a date and a date-time read in every field, whatever the language: 2026-11-22 14:30. */
const DATE_FORMAT = 'YYYY-MM-DD';
const DATE_TIME_FORMAT = 'YYYY-MM-DD HH:mm';

const isChinese = (language: string) => language.toLowerCase().startsWith('zh');

/** The dayjs locale of the calendars (month and weekday names, first day of the week). */
export const datesLocale = (language: string) => (isChinese(language) ? 'zh-cn' : 'en');

/** Typed forms taken as a date: 2026-11-22, 2026/11/22, 2026.11.22, 20261122 and 2026年11月22日. */
const TYPED_DATES = [
  /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/,
  /^(\d{4})(\d{2})(\d{2})$/,
  /^(\d{4})年(\d{1,2})月(\d{1,2})日?$/,
];

/** A typed date as `YYYY-MM-DD`, or null while it is half typed or not a calendar date. */
export function parseTypedDate(text: string): DateStringValue | null {
  const trimmed = text.trim();
  for (const pattern of TYPED_DATES) {
    const m = pattern.exec(trimmed);
    if (!m) continue;
    const date = `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`;
    return isoDate.safeParse(date).success ? date : null;
  }
  return null;
}

/** The calendar's own words in the app's language: its header, its buttons and each day's name. */
function useCalendarText() {
  const { t, i18n } = useTranslation();
  const zh = isChinese(i18n.language);
  const locale = datesLocale(i18n.language);
  return {
    monthLabelFormat: zh ? 'YYYY年M月' : 'MMMM YYYY',
    yearLabelFormat: zh ? 'YYYY年' : 'YYYY',
    getDayAriaLabel: (day: DateStringValue) =>
      dayjs(day)
        .locale(locale)
        .format(zh ? 'YYYY年M月D日 dddd' : 'dddd, MMMM D, YYYY'),
    ariaLabels: {
      previousMonth: t('dates.previousMonth'),
      nextMonth: t('dates.nextMonth'),
      previousYear: t('dates.previousYear'),
      nextYear: t('dates.nextYear'),
      previousDecade: t('dates.previousDecade'),
      nextDecade: t('dates.nextDecade'),
      monthLevelControl: t('dates.chooseMonth'),
      yearLevelControl: t('dates.chooseYear'),
    },
    clearButtonProps: { 'aria-label': t('dates.clear') },
  };
}

export interface DateFieldProps extends Omit<
  DateInputProps,
  'value' | 'defaultValue' | 'onChange' | 'valueFormat' | 'dateParser'
> {
  /** `YYYY-MM-DD`; null or '' is no date; with `keepTyped`, a text that is not a date yet. */
  value: string | null;
  onChange: (value: string | null) => void;
  /**
   * A form field: what was typed stays on screen until it is fixed, and a text that is not a
   * date is handed on as typed, so the form's schema refuses it with the reason beside the field.
   * Without it (a filter), leaving the field puts back the last date it held.
   */
  keepTyped?: boolean;
}

/**
 * A date, shown and typed as 2026-11-22 in every language, with a calendar in the app's language
 * (the DatesProvider in App). Set `clearable` when the date is optional. Esc while the calendar
 * is open closes only the calendar (not the dialog or the form around it).
 */
export function DateField({ value, onChange, keepTyped = false, popoverProps, ...props }: DateFieldProps) {
  const { t } = useTranslation();
  const calendar = useCalendarText();
  const [calendarOpen, setCalendarOpen] = useState(false);
  const date = value && parseTypedDate(value) === value ? value : null;
  return (
    <DateInput
      placeholder={t('dates.datePlaceholder')}
      {...calendar}
      {...props}
      valueFormat={DATE_FORMAT}
      dateParser={parseTypedDate}
      value={date}
      onChange={(v) => onChange(v ? v.slice(0, 10) : null)}
      fixOnBlur={!keepTyped}
      onInput={
        keepTyped
          ? (e) => {
              const text = e.currentTarget.value;
              onChange(text.trim() === '' ? null : (parseTypedDate(text) ?? text));
            }
          : undefined
      }
      popoverProps={{
        ...popoverProps,
        onOpen: () => setCalendarOpen(true),
        onClose: () => setCalendarOpen(false),
      }}
      // Mantine's dialogs (and FormShell) leave an Esc that carries this to the open calendar.
      data-mantine-stop-propagation={calendarOpen || undefined}
    />
  );
}

export interface DateTimeFieldProps extends Omit<
  DateTimePickerProps,
  'value' | 'defaultValue' | 'onChange' | 'valueFormat' | 'type'
> {
  /** `YYYY-MM-DDTHH:mm`, local time; null or '' is none. */
  value: string | null;
  onChange: (value: string | null) => void;
}

/** A local date and time, shown as 2026-11-22 14:30; the dropdown has the calendar and a 24-hour time. */
export function DateTimeField({ value, onChange, ...props }: DateTimeFieldProps) {
  const { t } = useTranslation();
  const calendar = useCalendarText();
  return (
    <DateTimePicker
      placeholder={t('dates.dateTimePlaceholder')}
      timePickerProps={{ hoursInputLabel: t('dates.hours'), minutesInputLabel: t('dates.minutes') }}
      submitButtonProps={{ 'aria-label': t('dates.done') }}
      {...calendar}
      {...props}
      valueFormat={DATE_TIME_FORMAT}
      value={value ? dayjs(value).format('YYYY-MM-DD HH:mm:ss') : null}
      onChange={(v) => onChange(v ? dayjs(v).format('YYYY-MM-DDTHH:mm') : null)}
    />
  );
}
