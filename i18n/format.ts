/**
 * Numbers, sizes, dates and lists with `Intl`, in the locale of the messages
 * shown (t.ts `locale()`): "1.234 Personen", "22.11.2026, 07:05", "vor 3
 * Minuten". Upper case goes through the same locale, so a Turkish "i"
 * becomes "İ" (https://developer.mozilla.org/en-US/docs/Web/JavaScript/Reference/Global_Objects/String/toLocaleUpperCase).
 */
import { formatNumber, locale } from './t.ts';

// Numbers are formatted in ./t.ts, which fills them into every message.
export { formatNumber } from './t.ts';

/** Bytes as "1.2 MB", "5.0 MB", or with `digits` 0 "64 MB" (in the language's own digits and unit). */
export function formatBytes(bytes: number, digits = 1): string {
  const megabytes = bytes / 1024 / 1024;
  return formatNumber(megabytes, {
    style: 'unit',
    unit: 'megabyte',
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  });
}

export const formatDate = (ms: number) =>
  new Intl.DateTimeFormat(locale(), { dateStyle: 'medium', timeStyle: 'short' }).format(ms);

const STEPS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['second', 60],
  ['minute', 60],
  ['hour', 24],
  ['day', 7],
  ['week', 4.35],
  ['month', 12],
  ['year', Number.POSITIVE_INFINITY],
];

/** "3 minutes ago", "vor 3 Minuten", "3 dakika önce"; `now` for tests. */
export function formatRelative(ms: number, now = Date.now()): string {
  let value = (ms - now) / 1000;
  for (const [unit, size] of STEPS) {
    if (Math.abs(value) < size || unit === 'year')
      return new Intl.RelativeTimeFormat(locale(), { numeric: 'auto' }).format(
        Math.round(value),
        unit,
      );
    value /= size;
  }
  return '';
}

/** "a, b and c" / "a, b und c" / "a, b ve c". */
export const list = (items: readonly string[], type: Intl.ListFormatType = 'conjunction') =>
  new Intl.ListFormat(locale(), { style: 'long', type }).format(items);

export const upper = (text: string) => text.toLocaleUpperCase(locale());
