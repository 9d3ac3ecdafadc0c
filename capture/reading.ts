/**
 * What the in-page reader hands back: plain, structured-cloneable data, the
 * page's own words with a note of where each came from. It is untrusted (the
 * page wrote it), so nothing here is a profile yet; draft.ts cleans and
 * validates it in the extension page. Types only: this file adds no code to
 * what runs in the page.
 */

/** Where on the page a value was found, shown to the user beside the draft. */
export type Source =
  | 'json-ld'
  | 'microdata'
  | 'h-card'
  | 'embedded-json'
  | 'og'
  | 'title'
  | 'h1'
  | 'top-card'
  | 'about-section'
  | 'contact-info'
  | 'pinned-items'
  | 'rel-me'
  | 'meta-author'
  | 'url';

export interface Sourced {
  value: string;
  source: Source;
}

/** A link the page says belongs to the person: a profile elsewhere, a blog, an account. */
export interface ReadLink {
  url: string;
  /** The page's own name for it (an icon's label, a network name), if any. */
  label?: string;
  source: Source;
}

export interface ReadProject {
  name: string;
  description?: string;
  url?: string;
  /** `owner/name` when the project is a GitHub repository. */
  repo?: string;
  source: Source;
}

export interface ReadIdentity {
  site: 'github' | 'linkedin';
  handle: string;
  source: Source;
}

export interface PersonReading {
  /** Which extractor read the page. */
  page: 'github-profile' | 'linkedin-profile' | 'personal-site';
  /** The page's URL as read (without its fragment). */
  url: string;
  name?: Sourced;
  headline?: Sourced;
  bio?: Sourced;
  /** Where they work, when the page says so apart from a headline. */
  company?: Sourced;
  location?: Sourced;
  email?: Sourced;
  website?: Sourced;
  identities: ReadIdentity[];
  links: ReadLink[];
  projects: ReadProject[];
}

export type RefusalReason = 'organisation' | 'no-person' | 'not-profile-page';

export type PageReading =
  | { ok: true; person: PersonReading }
  | { ok: false; reason: RefusalReason; message: string };
