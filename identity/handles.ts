/**
 * How a person's handles read in lists and search: `@login` for GitHub,
 * `in/slug` for LinkedIn (the path a LinkedIn profile URL shows). One place,
 * so the popup, the options page and search all say the same thing.
 */
export function formatHandles(identities: {
  github: readonly string[];
  linkedin: readonly string[];
}): string[] {
  return [
    ...identities.github.map((login) => `@${login}`),
    ...identities.linkedin.map((slug) => `in/${slug}`),
  ];
}
