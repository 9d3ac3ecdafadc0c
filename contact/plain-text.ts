/**
 * A profile as the text a person pastes into a message: who, what, and how
 * to reach them. Plain lines, no markup, nothing that needs escaping.
 */
import type { Profile } from '../people/schema';
import { profileLinks } from './links';

export function toPlainText(profile: Profile): string {
  const lines = [profile.name];
  if (profile.headline) lines.push(profile.headline);
  if (profile.location) lines.push(profile.location);
  lines.push('');
  if (profile.contact.email) lines.push(`Email: ${profile.contact.email}`);
  for (const link of profileLinks(profile)) lines.push(`${link.label}: ${link.url}`);
  while (lines.at(-1) === '') lines.pop();
  return `${lines.join('\n')}\n`;
}
