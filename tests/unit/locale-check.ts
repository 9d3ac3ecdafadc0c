/**
 * What a translation must match in English, as a list of problems: the
 * same keys, the same placeholders (defined and used), every plural
 * category its language needs. Pure, so locales.test.ts can show it
 * catching planted mistakes before trusting it with the real files.
 */
import type { Catalog } from '../../i18n/catalog';

const used = (message: string) =>
  new Set([...message.matchAll(/\$([A-Za-z0-9_@]+)\$/g)].map((match) => match[1]?.toLowerCase()));
const defined = (entry: Catalog[string]) =>
  JSON.stringify(
    Object.entries(entry.placeholders ?? {})
      .map(([name, value]) => [name.toLowerCase(), value.content])
      .sort(),
  );
const isPlural = (key: string) => /_(zero|one|two|few|many|other)$/.test(key);

export function catalogProblems(en: Catalog, other: Catalog, language: string): string[] {
  const problems: string[] = [];
  for (const key of Object.keys(en))
    if (!(key in other)) problems.push(`${language} lacks "${key}"`);
  for (const key of Object.keys(other))
    if (!(key in en)) problems.push(`${language} has "${key}", which en does not`);
  for (const [key, entry] of Object.entries(other)) {
    const base = en[key];
    if (!entry.message?.trim()) problems.push(`${language} "${key}" is empty`);
    for (const name of used(entry.message))
      if (!Object.keys(entry.placeholders ?? {}).some((defined) => defined.toLowerCase() === name))
        problems.push(
          `${language} "${key}" uses $${name?.toUpperCase()}$, which it does not define`,
        );
    if (!base) continue;
    if (defined(entry) !== defined(base))
      problems.push(`${language} "${key}" defines other placeholders than en`);
    // A singular may leave its count out ("One person"); anything else says all en says.
    const mine = [...used(entry.message)].sort().join();
    const theirs = [...used(base.message)].sort().join();
    if (!(isPlural(key) && key.endsWith('_one')) && mine !== theirs)
      problems.push(
        `${language} "${key}" uses ${mine || 'no placeholders'}, en ${theirs || 'none'}`,
      );
  }
  // Every counted message has each form the language's plural rules ask for.
  const bases = new Set(
    Object.keys(other)
      .filter((key) => key.endsWith('_other'))
      .map((key) => key.slice(0, -'_other'.length)),
  );
  const categories = new Intl.PluralRules(language).resolvedOptions().pluralCategories;
  for (const base of bases)
    for (const category of categories)
      if (!(`${base}_${category}` in other))
        problems.push(`${language} lacks "${base}_${category}" (${language} plural rules)`);
  return problems;
}
