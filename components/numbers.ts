/**
 * Counts as the reader writes them: "10,003 people" in English, "10.003" in
 * German, through the browser's locale (Intl), never a bare "10003".
 */
const format = new Intl.NumberFormat();

export const count = (value: number): string => format.format(value);

/** "1 person", "10,003 people". */
export const people = (value: number): string =>
  `${count(value)} ${value === 1 ? 'person' : 'people'}`;
