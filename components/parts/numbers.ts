/**
 * Counts as the reader writes them: "10,003 people" in English, "10.003
 * Personen" in German, through Intl in the language shown (i18n/).
 */
import { formatNumber } from '../../i18n/format';
import { tn } from '../../i18n/t';

export const count = (value: number): string => formatNumber(value);

/** "1 person", "10,003 people", "10.003 Personen". */
export const people = (value: number): string => tn('people_count', value);
