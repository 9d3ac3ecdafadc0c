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
  /** The first short paragraph under the person's name, or the paragraphs after it. */
  | 'paragraph'
  /** `meta name=description` (or og:/twitter: description). */
  | 'meta-description'
  /** A post's "by <name>" line. */
  | 'byline'
  /** A link in the page's text (GitHub, LinkedIn, Mastodon, Bluesky, mailto:). */
  | 'page-link'
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

export type RefusalReason =
  | 'organisation'
  | 'no-person'
  | 'not-profile-page'
  /** A page about several people (a team page): which one is not guessed. */
  | 'many-people'
  /** A post by someone, about something else. */
  | 'article'
  /** More than the reader reads (a 10 MB JSON-LD block): nothing was read from it. */
  | 'too-large';

/**
 * What the popup can offer instead, by hand: the page as the website (when
 * the page may be theirs) and a name the page gives (an article's author).
 */
export interface ByHand {
  website?: string;
  name?: string;
  /** Where the name was read. */
  nameSource?: Source;
}

export type PageReading =
  | { ok: true; person: PersonReading }
  | { ok: false; reason: RefusalReason; message: string; byHand?: ByHand };
