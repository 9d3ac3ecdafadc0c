/**
 * What the options page asks of the extension (entrypoints/options/main.tsx
 * gives it): storage, jobs and the background, behind one interface, so the
 * page's components are plain UI. Options.tsx re-exports it.
 */
import type { ExportFormat } from '../../formats/export-files';
import type { NotesIndex } from '../../jobs/jobs';
import type { Roster } from '../../jobs/roster';
import type { IdentityConflict } from '../../people/directory';
import type { Profile } from '../../people/schema';
import type { Settings } from '../../settings/defaults';
import type { SettingField } from '../../settings/items';
import type { MigrationOutcome } from '../../store/migrate';
import type { DamagedRecord, DirectoryClash, PersonRecord, WriteResult } from '../../store/store';
import type { CardDavApi } from './CardDavPanel';
import type { DirectoriesApi } from './DirectoriesPanel';
import type { StartImport } from './ImportPanel';
import type { Usage } from './PeopleTable';
import type { SyncApi } from './SyncPanel';

export interface Loaded {
  /** Everyone, as the list shows them, with the search index. */
  roster: Roster;
  /** What became of an earlier version's data. */
  migration: MigrationOutcome;
  /** Why the people cannot be read or written at all (a newer database), if so. */
  unavailable?: string;
  settings: Settings;
  settingsProblem?: string;
}

/** What a look over every stored record found (jobs/jobs.ts `scan`). */
export interface Scan {
  damaged: DamagedRecord[];
  conflicts: IdentityConflict[];
  /** Names of the people in `conflicts`, by id. */
  names: Record<string, string>;
  /** Handles subscribed directories' people share with yours or bundled people. */
  directoryClashes: DirectoryClash[];
  /** Tags and last-contacted days, by id (jobs/jobs.ts `NotesIndex`). */
  notes?: NotesIndex;
}

export interface OptionsApi {
  /**
   * `onProgress`: how many records a rebuild of the list's summary has read, when one is needed;
   * `first`: the list's first rows (a roster not `complete`), before the whole is read.
   */
  load(onProgress?: (read: number) => void, first?: (loaded: Loaded) => void): Promise<Loaded>;
  /** One stored person's record, for an edit or an export. */
  person(id: string): Promise<PersonRecord | undefined>;
  /** A kept person as cards show them: merged with a linked address-book contact (docs/carddav.md#links). */
  shown?(profile: Profile): Promise<Profile>;
  add(profile: Profile): Promise<WriteResult>;
  update(profile: Profile, rev: number): Promise<WriteResult>;
  remove(id: string, rev: number): Promise<WriteResult>;
  setHidden(id: string, hidden: boolean): Promise<void>;
  startImport: StartImport;
  /** Damaged records and clashing handles, from a look over every record; `signal` stops it (and rejects). */
  scan(signal?: AbortSignal): Promise<Scan>;
  /** Every stored person as one file in `format`; `onProgress`: records read. */
  /** The file, and how many people it holds (the store's, not the rows on screen). */
  exportAll(
    onProgress?: (read: number) => void,
    format?: ExportFormat,
  ): Promise<{ file: Blob; count: number }>;
  removeDamaged(ids: string[]): Promise<void>;
  /** The user chose to keep only the readable part of an earlier version's data. */
  moveReadable(): Promise<MigrationOutcome>;
  /** The user chose to keep what the database holds and let an old value that cannot be moved go. */
  discardLegacy(raw: unknown): Promise<boolean>;
  saveSetting(field: SettingField): Promise<void>;
  usage(): Promise<Usage>;
  /**
   * Calls back when stored data changes in another tab or context (not for
   * this page's own writes); returns an unsubscribe.
   */
  onChange(callback: () => void): () => void;
  download(fileName: string, content: string | Blob, type: string): void;
  /** Browser sync and team directories (issue 14), asked of the background. */
  sync?: SyncApi;
  directories?: DirectoriesApi;
  /** Address books (issue 27), asked of the background. */
  carddav?: CardDavApi;
}

export const NO_SCAN: Scan = { damaged: [], conflicts: [], names: {}, directoryClashes: [] };
