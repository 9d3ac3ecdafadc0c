/**
 * text/direction.ts: the direction `dir="auto"` would give a text, by its
 * first strong letter, for the in-page card whose text the browser cannot see.
 */
import { textDirection } from '../../text/direction';

describe('textDirection', () => {
  it.each([
    ['نور الهدى العلي', 'rtl'],
    ['מאגר נתונים', 'rtl'],
    ['ދިވެހި', 'rtl'],
    ['123 نور', 'rtl'],
    ['(@نور)', 'rtl'],
    ['Deniz Altınbüken', 'ltr'],
    ['Ада Лавлейс', 'ltr'],
    ['李小龍', 'ltr'],
    ['Noor نور', 'ltr'],
    ['🙂 123 — …', undefined],
    ['', undefined],
  ])('%s → %s', (text, direction) => {
    expect(textDirection(text)).toBe(direction);
  });
});
