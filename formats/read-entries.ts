/**
 * Which format a file is, by its content (never by its name: a JSON file
 * saved as `.vcf` is still JSON), and its entries, before any validation.
 *
 *   readEntries(fileName, text)
 *     ├─ vCard  starts with BEGIN:VCARD ─▶ formats/vcard-read.ts (entries merge)
 *     ├─ LinkedIn's Connections.csv: its header within the first lines
 *     │         ─▶ connections-csv.ts previews the whole file (matched by LinkedIn identity)
 *     ├─ a contacts CSV in Google's columns (our "Export all (CSV)") ─▶ contacts-csv.ts
 *     ├─ JSON   starts with { [ " - a digit, or is true/false/null ─▶ readJson
 *     │         an object with `basics` is a JSON Resume ─▶ json-resume.ts
 *     └─ else   a sentence naming what is accepted
 *
 * A new format is one more line in READERS: how to recognise it, and a
 * function text → entries. Entries are profile-shaped objects that
 * formats/import.ts validates; `merge: true` marks formats that carry only
 * some fields of a person (vCard, contact exports), whose entries update a
 * person already kept instead of replacing them. A format with its own rule
 * for who a row is (Connections.csv: the LinkedIn identity, never the name
 * or email) previews the whole file itself, in the same preview shape.
 */

import { list } from '../i18n/format';
import { type MessageKey, t, tn } from '../i18n/t';
import { noteWords } from '../people/clean';
import { clip, defang } from '../text/characters';
import { isConnectionsCsv, previewConnections } from './connections-csv';
import { isContactsCsv, readContactsCsv } from './contacts-csv';
import { EXPORT_FORMAT_VERSION } from './export';
import { locateJsonError, nestingDepth } from './json-error';
import { isJsonResume, readJsonResume } from './json-resume';
import type { ImportContext, ImportResult } from './preview';
import { readVCardLines } from './vcard-lines';
import { interpretCard } from './vcard-read';

/** A résumé section in the user's words: `work` → "Work experience". */
const SECTION_WORDS: Record<string, MessageKey> = {
  'basics.phone': 'resume_section_phone',
  'basics.image': 'resume_section_image',
  work: 'resume_section_work',
  volunteer: 'resume_section_volunteer',
  education: 'resume_section_education',
  awards: 'resume_section_awards',
  certificates: 'resume_section_certificates',
  publications: 'resume_section_publications',
  skills: 'resume_section_skills',
  languages: 'resume_section_languages',
  interests: 'resume_section_interests',
  references: 'resume_section_references',
};
const sectionWords = (section: string) => {
  const key = Object.hasOwn(SECTION_WORDS, section) ? SECTION_WORDS[section] : undefined;
  return key ? t(key) : JSON.stringify(section);
};

/** An entry the reader could not turn into a profile, with its reasons. */
export class Unreadable {
  constructor(
    readonly label: string,
    readonly errors: string[],
  ) {}
}

/** An entry and what its reader could not use of it, one sentence per field. */
export class WithNotes {
  constructor(
    readonly entry: unknown,
    readonly notes: string[],
  ) {}
}

/**
 * The entries of a file, in order. An array will do; a reader may instead
 * build each entry when it is asked for, so a file the importer stops
 * reading early (formats/import.ts MAX_REFUSED) costs only what was read.
 */
export interface EntryList {
  readonly length: number;
  at(index: number): unknown;
}

export interface Entries {
  /** What one entry is called in messages: `profile 3`, `vCard 2`. */
  kind: string;
  entries: EntryList;
  /** Entries carry only some fields; merge them into the person they match. */
  merge?: boolean;
  /** What the reader shortened, dropped or filled in, one sentence each, for the preview. */
  notes?: string[];
}

/** A format previewed as a whole, by its own rule for who each entry is. */
export interface WholeFile {
  preview(context: ImportContext): ImportResult;
}

export type ReadResult = Entries | WholeFile | { error: string };

export interface Reader {
  /** As named in the "accepted formats" sentence. */
  format: () => string;
  accepts(text: string): boolean;
  read(text: string): ReadResult;
}

/** Deeper than any profile file (an export is 5 levels), shallow enough for every parser. */
export const MAX_JSON_DEPTH = 100;

function entriesOf(document: unknown): ReadResult {
  const kind = t('kind_profile');
  if (Array.isArray(document)) return { kind, entries: document };
  if (document === null || typeof document !== 'object') {
    return {
      error: t('read_single_value'),
    };
  }
  const record = document as Record<string, unknown>;
  if ('profiles' in record) {
    if ('version' in record && record.version !== EXPORT_FORMAT_VERSION) {
      return {
        error: t(
          'read_format_version',
          clip(defang(JSON.stringify(record.version) ?? ''), 20),
          EXPORT_FORMAT_VERSION,
        ),
      };
    }
    const extra = Object.keys(record).filter((key) => key !== 'profiles' && key !== 'version');
    if (extra.length > 0)
      return {
        error: t('read_unknown_top', clip(defang(extra[0] ?? ''), 40)),
      };
    if (!Array.isArray(record.profiles)) return { error: t('read_profiles_list') };
    return { kind, entries: record.profiles };
  }
  if ('id' in record || 'name' in record) return { kind, entries: [record] };
  if (isJsonResume(record)) return resumeEntries(record);
  return {
    error: t('read_no_profiles'),
  };
}

export function readJson(text: string): ReadResult {
  if (nestingDepth(text, MAX_JSON_DEPTH) > MAX_JSON_DEPTH) {
    return {
      error: t('read_too_deep', MAX_JSON_DEPTH),
    };
  }
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch {
    const problem = locateJsonError(text);
    return {
      error: problem
        ? t('read_bad_json_at', problem.found, String(problem.line), String(problem.column))
        : t('read_bad_json'),
    };
  }
  return entriesOf(document);
}

function readVCardEntries(text: string): ReadResult {
  const read = readVCardLines(text);
  if (!read.ok) return { error: read.error };
  if (read.cards.length === 0) return { error: t('read_no_cards') };
  const { cards } = read;
  return {
    kind: t('kind_vcard'),
    merge: true,
    entries: {
      length: cards.length,
      at: (index) => {
        const raw = cards[index];
        if (!raw) return undefined;
        const card = interpretCard(raw);
        if (card.problems.length > 0) return new Unreadable(card.label, card.problems);
        return card.notes.length > 0 ? new WithNotes(card.profile, card.notes) : card.profile;
      },
    },
  };
}

/**
 * A résumé is one person. One we exported carries our id and replaces that
 * person like any JSON profile (so it re-imports unchanged); anyone else's
 * merges into the person it matches (an identity, the email, the name), as
 * a vCard does, so a kept person's own resume.json updates them.
 */
function resumeEntries(document: Record<string, unknown>): ReadResult {
  const read = readJsonResume(document);
  if (!read.ok) return { error: read.error };
  const { id, ...rest } = read.profile;
  const label = clip(defang(String(read.profile.name ?? '').trim()), 40);
  return {
    kind: t('kind_resume'),
    entries: [read.ownId ? read.profile : rest],
    merge: !read.ownId,
    notes: [
      ...read.notes.map((note) => `${t('resume_prefix', `"${label}"`)}: ${noteWords(note)}`),
      ...read.unplaced.map(
        ({ section, count }) =>
          `${t('resume_prefix', `"${label}"`)}: ${tn('resume_unplaced', count, sectionWords(section))}`,
      ),
    ],
  };
}

/**
 * Our own "Export all (CSV)" (ids, exact: replaces like a JSON export), or
 * Google's contacts CSV (no ids: merges like a vCard).
 */
function readContactsEntries(text: string): ReadResult {
  const read = readContactsCsv(text);
  if ('error' in read) return read;
  if (read.entries.length === 0) return { error: t('import_no_profiles') };
  return { kind: t('kind_contact_row'), entries: read.entries, merge: !read.ours };
}

/** In order: the first that accepts the text reads it. */
export const READERS: Reader[] = [
  {
    format: () => t('read_format_vcard'),
    accepts: (text) => /^BEGIN:VCARD/i.test(text),
    read: readVCardEntries,
  },
  {
    format: () => t('read_format_csv'),
    accepts: isConnectionsCsv,
    read: (text) => ({
      preview: (context) => previewConnections('Connections.csv', text, context),
    }),
  },
  {
    format: () => t('read_format_contacts_csv'),
    accepts: isContactsCsv,
    read: readContactsEntries,
  },
  {
    format: () => t('read_format_json'),
    accepts: (text) => /^(?:[[{"\-0-9]|true|false|null)/.test(text),
    read: readJson,
  },
];

/** `text` as decoded, byte-order mark removed. */
export function readEntries(fileName: string, text: string): ReadResult {
  const trimmed = text.trim();
  if (trimmed === '') return { error: t('read_empty', fileName) };
  const reader = READERS.find((candidate) => candidate.accepts(trimmed));
  if (reader) return reader.read(trimmed);
  const start = clip(defang(trimmed.split(/\r?\n/, 1)[0] ?? ''), 30);
  return {
    error: t(
      'read_unknown_format',
      fileName,
      JSON.stringify(start),
      list(READERS.map((candidate) => candidate.format())),
    ),
  };
}
