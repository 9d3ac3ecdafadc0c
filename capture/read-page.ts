/**
 * The in-page half of "Keep this person": the page's URL picks the reader
 * (identity/parse.ts), the reader turns the DOM into plain data. This is
 * what `scripting.executeScript` runs in the user's tab (entrypoints/capture-reader.ts),
 * so it imports nothing heavy (no zod, no schema: a test bundles it and
 * checks), only reads the page, and never throws: a failure is a message.
 *
 *   github.com/<login>          ─▶ github-profile.ts
 *   linkedin.com/in/<slug>/     ─▶ linkedin-profile.ts
 *   other GitHub/LinkedIn pages ─▶ "not a person's profile"
 *   anything else (http/https)  ─▶ personal-site.ts
 */
import { siteOfHost } from '../identity/hosts';
import { parseIdentityUrl } from '../identity/parse';
import { readGithubProfile } from './github-profile';
import { readLinkedinProfile } from './linkedin-profile';
import { readPersonalSite } from './personal-site';
import type { PageReading } from './reading';

const pathParts = (url: URL) => url.pathname.split('/').filter(Boolean);

export function readPage(doc: Document, href: string): PageReading {
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return { ok: false, reason: 'no-person', message: 'This tab has no web address to read.' };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return { ok: false, reason: 'no-person', message: 'Only web pages show people to keep.' };
  }
  try {
    const identity = parseIdentityUrl(url);
    const parts = pathParts(url);
    if (identity?.site === 'github' && identity.kind === 'profile' && parts.length === 1)
      return readGithubProfile(doc, url, identity.handle);
    if (identity?.site === 'linkedin' && parts.includes('in'))
      return readLinkedinProfile(doc, url, identity.handle);
    const site = siteOfHost(url.hostname);
    if (site === 'github') {
      return {
        ok: false,
        reason: 'not-profile-page',
        message:
          "This GitHub page is not a person's profile; open github.com/<login> to keep them.",
      };
    }
    if (site === 'linkedin') {
      return {
        ok: false,
        reason: 'not-profile-page',
        message:
          "This LinkedIn page is not a person's profile; open linkedin.com/in/<name> to keep them.",
      };
    }
    return readPersonalSite(doc, url);
  } catch (error) {
    return {
      ok: false,
      reason: 'no-person',
      message: `This page could not be read (${error instanceof Error ? error.message : String(error)}).`,
    };
  }
}
