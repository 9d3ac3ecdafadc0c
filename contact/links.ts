/**
 * The links a card, a text copy and a vCard show for a profile, built in one
 * place so the three always agree.
 */

import { isLinkedinMemberId } from '../identity/keys';
import type { Profile, Project } from '../people/schema';

export type LinkKind = 'website' | 'github' | 'linkedin' | 'other';

export interface ProfileLink {
  kind: LinkKind;
  label: string;
  url: string;
}

export function githubProfileUrl(login: string): string {
  return `https://github.com/${login}`;
}

export function linkedinProfileUrl(slug: string): string {
  return `https://www.linkedin.com/in/${encodeURIComponent(slug)}/`;
}

/** A project's link: its own URL, else its GitHub repository. */
export function projectUrl(project: Project): string | undefined {
  return project.url ?? (project.repo ? githubProfileUrl(project.repo) : undefined);
}

/** Website, GitHub, LinkedIn (a vanity slug before a member id), then other links. */
export function profileLinks(profile: Profile): ProfileLink[] {
  const links: ProfileLink[] = [];
  if (profile.contact.website) {
    links.push({ kind: 'website', label: 'Website', url: profile.contact.website });
  }
  const [login] = profile.identities.github;
  if (login) links.push({ kind: 'github', label: 'GitHub', url: githubProfileUrl(login) });
  const slugs = profile.identities.linkedin;
  const slug = slugs.find((candidate) => !isLinkedinMemberId(candidate)) ?? slugs[0];
  if (slug) links.push({ kind: 'linkedin', label: 'LinkedIn', url: linkedinProfileUrl(slug) });
  for (const link of profile.contact.links ?? []) {
    links.push({ kind: 'other', label: link.label, url: link.url });
  }
  return links;
}
