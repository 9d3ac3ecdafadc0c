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
 *   anything else (http/https)  ─▶ personal-site.ts (plain-page.ts for what every page has)
 *
 * More than the readers read (json-ld.ts `TooLarge`) is said as too large,
 * with nothing from the page passed on.
 */
import { t } from '../i18n/t';
import { siteOfHost } from '../identity/hosts';
import { parseIdentityUrl } from '../identity/parse';
import { readGithubProfile } from './github-profile';
import { TooLarge } from './json-ld';
import { readLinkedinProfile } from './linkedin-profile';
import { readPersonalSite } from './personal-site';
import type { PageReading } from './reading';

const pathParts = (url: URL) => url.pathname.split('/').filter(Boolean);

export function readPage(doc: Document, href: string): PageReading {
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return { ok: false, reason: 'no-person', message: t('capture_no_address') };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return { ok: false, reason: 'no-person', message: t('capture_web_only') };
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
        message: t('capture_github_not_profile'),
      };
    }
    if (site === 'linkedin') {
      return {
        ok: false,
        reason: 'not-profile-page',
        message: t('capture_linkedin_not_profile'),
      };
    }
    return readPersonalSite(doc, url);
  } catch (error) {
    if (error instanceof TooLarge) {
      return {
        ok: false,
        reason: 'too-large',
        message: error.message,
        byHand: { website: `${url.origin}${url.pathname}` },
      };
    }
    return {
      ok: false,
      reason: 'no-person',
      message: t('capture_unreadable', error instanceof Error ? error.message : String(error)),
    };
  }
}
