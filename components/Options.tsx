/**
 * The options page: everyone the extension knows (bundled people read-only
 * but hideable, the user's own editable), import, export, settings. Storage
 * is reached only through `OptionsApi`, so this component is plain UI.
 *
 * A damaged stored value is shown, never silently replaced: a banner offers
 * to download it as it was, and saving stays blocked until the user chooses.
 */
import { useEffect, useMemo, useState } from 'preact/hooks';
import { toVCard, vcardFileName } from '../contact/vcard';
import { formatHandles } from '../identity/handles';
import { buildDirectory } from '../profiles/directory';
import { exportDocument } from '../profiles/export';
import { applyPreview, type Preview, previewImport } from '../profiles/import';
import type { Profile } from '../profiles/schema';
import { matchesQuery } from '../profiles/search';
import type { Damage, Store } from '../profiles/store';
import type { Settings } from '../settings/defaults';
import { ConflictsPanel } from './ConflictsPanel';
import { ImportPanel } from './ImportPanel';
import { ProfileForm } from './ProfileForm';
import type { Theme } from './page-theme';
import { SettingsPanel } from './SettingsPanel';

export interface Loaded {
  store: Store;
  damage?: Damage;
  settings: Settings;
  settingsProblem?: string;
}

export interface OptionsApi {
  load(): Promise<Loaded>;
  saveStore(store: Store, options?: { replaceDamaged?: boolean }): Promise<unknown>;
  saveSettings(settings: Settings): Promise<void>;
  /**
   * Calls back when stored data changes in another tab or context (not for
   * this page's own writes); returns an unsubscribe.
   */
  onChange(callback: () => void): () => void;
  download(fileName: string, text: string, type: string): void;
}

/** Rows shown at once; a directory of thousands is searched, not scrolled. */
const SHOWN = 200;

export function Options({
  api,
  bundled,
  theme,
}: {
  api: OptionsApi;
  bundled: readonly Profile[];
  theme: Theme;
}) {
  const [data, setData] = useState<Loaded>();
  const [query, setQuery] = useState('');
  const [editing, setEditing] = useState<Profile | 'new' | undefined>();
  const [confirmDelete, setConfirmDelete] = useState<string>();
  const [status, setStatus] = useState('');
  const [failure, setFailure] = useState<string>();

  const reload = () => api.load().then(setData, (error: Error) => setFailure(error.message));
  useEffect(() => {
    void reload();
    return api.onChange(() => void reload());
  }, [api]);

  const rows = useMemo(() => {
    if (!data) return [];
    const hidden = new Set(data.store.hidden);
    return [
      ...data.store.profiles.map((profile) => ({ profile, bundled: false, hidden: false })),
      ...bundled.map((profile) => ({ profile, bundled: true, hidden: hidden.has(profile.id) })),
    ];
  }, [data, bundled]);
  const directory = useMemo(
    () => data && buildDirectory({ bundled, user: data.store.profiles, hidden: data.store.hidden }),
    [data, bundled],
  );
  const shown = useMemo(
    () =>
      rows.filter(({ profile }) =>
        matchesQuery(
          `${profile.name} ${profile.headline ?? ''} ${formatHandles(profile.identities).join(' ')}`,
          query,
        ),
      ),
    [rows, query],
  );

  if (!data) {
    return (
      <main class="pc-theme pc-options" data-scheme={theme.scheme} data-contrast={theme.contrast}>
        <h1>Profile Card</h1>
        {failure ? <p role="alert">{failure}</p> : <p>Loading…</p>}
      </main>
    );
  }

  const { store, damage } = data;
  const blocked = damage
    ? 'Saving is paused until you decide what to do with the damaged stored profiles (above).'
    : undefined;
  const save = async (next: Store, message: string, replaceDamaged = false) => {
    setFailure(undefined);
    try {
      await api.saveStore(next, { replaceDamaged });
      // What was written is what we show: no need to read 10,000 profiles back.
      setData((current) => current && { ...current, store: next, damage: undefined });
      setStatus(message);
    } catch (error) {
      setFailure((error as Error).message);
      throw error;
    }
  };
  const check = (entry: unknown, others: readonly Profile[]) => {
    const result = previewImport('form', JSON.stringify(entry), { existing: others, bundled });
    if (!result.ok) return [{ path: [], message: result.error }];
    return result.preview.rejected.flatMap((rejected) => rejected.issues);
  };
  const userCount = store.profiles.length;
  const hiddenCount = store.hidden.length;

  return (
    <main class="pc-theme pc-options" data-scheme={theme.scheme} data-contrast={theme.contrast}>
      <header class="pc-options-head">
        <h1>Profile Card</h1>
        <p class="pc-muted">
          The people you keep cards for, and how the cards behave. Everything stays in this browser.
        </p>
      </header>

      {damage && (
        <div class="pc-banner" role="alert">
          <p>
            <strong>Your stored profiles could not all be read.</strong> {damage.message} Nothing
            has been changed or removed. Download what was stored to keep it, then decide.
          </p>
          <div class="pc-form-actions">
            <button
              type="button"
              class="pc-button pc-primary"
              onClick={() =>
                api.download(
                  'profile-card-stored-data.json',
                  `${JSON.stringify(damage.raw, null, 2)}\n`,
                  'application/json',
                )
              }
            >
              Download what was stored
            </button>
            <button
              type="button"
              class="pc-button"
              onClick={() =>
                void save(
                  store,
                  `Kept the ${store.profiles.length} readable profiles; the damaged data was replaced.`,
                  true,
                ).catch(() => {})
              }
            >
              Keep only the readable profiles
            </button>
          </div>
        </div>
      )}
      {data.settingsProblem && (
        <p class="pc-banner" role="alert">
          {data.settingsProblem}
        </p>
      )}
      {failure && (
        <p class="pc-error" role="alert">
          {failure}
        </p>
      )}
      <p class="pc-status-line" role="status">
        {status}
      </p>

      {editing && (
        <ProfileForm
          key={editing === 'new' ? 'new' : editing.id}
          profile={editing === 'new' ? undefined : editing}
          takenIds={new Set([...store.profiles, ...bundled].map((profile) => profile.id))}
          check={(entry) => check(entry, store.profiles)}
          onCancel={() => setEditing(undefined)}
          onSave={async (entry) => {
            const result = previewImport('form', JSON.stringify(entry), {
              existing: store.profiles,
              bundled,
            });
            if (!result.ok || result.preview.rejected.length > 0)
              throw new Error('This profile is not valid.');
            await save(
              { ...store, profiles: applyPreview(store.profiles, result.preview) },
              `Saved ${(entry as { name: string }).name}.`,
            );
            setEditing(undefined);
          }}
        />
      )}

      {directory && <ConflictsPanel conflicts={directory.conflicts} byId={directory.byId} />}

      <section class="pc-panel" aria-labelledby="pc-people-title">
        <h2 id="pc-people-title">People</h2>
        <p class="pc-muted">
          {rows.length - hiddenCount} shown on pages · {bundled.length} bundled
          {hiddenCount > 0 ? ` (${hiddenCount} hidden)` : ''} · {userCount} yours
        </p>
        <div class="pc-toolbar">
          <label class="pc-search">
            <span class="pc-visually-hidden">Search people</span>
            <input
              type="search"
              placeholder="Search by name, headline or handle"
              value={query}
              onInput={(event) => setQuery(event.currentTarget.value)}
            />
          </label>
          <button
            type="button"
            class="pc-button pc-primary"
            disabled={!!blocked}
            onClick={() => setEditing('new')}
          >
            Add a person
          </button>
          <button
            type="button"
            class="pc-button"
            disabled={userCount === 0}
            onClick={() =>
              api.download(
                `profile-card-${new Date().toISOString().slice(0, 10)}.json`,
                exportDocument(store.profiles),
                'application/json',
              )
            }
          >
            Export all (JSON)
          </button>
        </div>
        {query && (
          <p class="pc-muted" aria-live="polite">
            {shown.length} of {rows.length} match
          </p>
        )}
        <ul class="pc-people">
          {shown.slice(0, SHOWN).map(({ profile, bundled: isBundled, hidden }) => (
            <li
              key={`${isBundled}-${profile.id}`}
              class={hidden ? 'pc-person-row pc-hidden' : 'pc-person-row'}
            >
              <div class="pc-person-main">
                <span class="pc-person-name">{profile.name}</span>
                {isBundled && <span class="pc-tag">Bundled</span>}
                {hidden && <span class="pc-tag">Hidden</span>}
                {profile.headline && <span class="pc-person-headline">{profile.headline}</span>}
                <span class="pc-person-handles">
                  {formatHandles(profile.identities).join(' · ')}
                </span>
              </div>
              <div class="pc-person-actions">
                {isBundled ? (
                  <button
                    type="button"
                    class="pc-button"
                    disabled={!!blocked}
                    aria-label={`${hidden ? 'Show' : 'Hide'} ${profile.name}`}
                    onClick={() =>
                      void save(
                        {
                          ...store,
                          hidden: hidden
                            ? store.hidden.filter((id) => id !== profile.id)
                            : [...store.hidden, profile.id],
                        },
                        `${profile.name} is ${hidden ? 'shown again' : 'hidden'}.`,
                      ).catch(() => {})
                    }
                  >
                    {hidden ? 'Show' : 'Hide'}
                  </button>
                ) : confirmDelete === profile.id ? (
                  <>
                    <span>Delete {profile.name}?</span>
                    <button
                      type="button"
                      class="pc-button pc-danger"
                      onClick={() => {
                        setConfirmDelete(undefined);
                        void save(
                          { ...store, profiles: store.profiles.filter((p) => p.id !== profile.id) },
                          `Deleted ${profile.name}.`,
                        ).catch(() => {});
                      }}
                    >
                      Delete
                    </button>
                    <button
                      type="button"
                      class="pc-button"
                      onClick={() => setConfirmDelete(undefined)}
                    >
                      Keep
                    </button>
                  </>
                ) : (
                  <>
                    <button
                      type="button"
                      class="pc-button"
                      disabled={!!blocked}
                      aria-label={`Edit ${profile.name}`}
                      onClick={() => setEditing(profile)}
                    >
                      Edit
                    </button>
                    <button
                      type="button"
                      class="pc-button"
                      aria-label={`Export ${profile.name} as JSON`}
                      onClick={() =>
                        api.download(
                          `${profile.id}.json`,
                          exportDocument([profile]),
                          'application/json',
                        )
                      }
                    >
                      JSON
                    </button>
                    <button
                      type="button"
                      class="pc-button"
                      aria-label={`Export ${profile.name} as vCard`}
                      onClick={() =>
                        api.download(
                          vcardFileName(profile),
                          toVCard(profile),
                          'text/vcard;charset=utf-8',
                        )
                      }
                    >
                      vCard
                    </button>
                    <button
                      type="button"
                      class="pc-button"
                      disabled={!!blocked}
                      aria-label={`Delete ${profile.name}`}
                      onClick={() => setConfirmDelete(profile.id)}
                    >
                      Delete
                    </button>
                  </>
                )}
              </div>
            </li>
          ))}
        </ul>
        {shown.length > SHOWN && (
          <p class="pc-muted">{shown.length - SHOWN} more — search to narrow the list.</p>
        )}
      </section>

      <ImportPanel
        blocked={blocked}
        preview={(name, input) => previewImport(name, input, { existing: store.profiles, bundled })}
        onConfirm={async (preview: Preview) => {
          await save({ ...store, profiles: applyPreview(store.profiles, preview) }, '');
          const message = `Imported: ${preview.added.length} added, ${preview.updated.length} updated.`;
          setStatus(message);
          return message;
        }}
      />

      <SettingsPanel
        settings={data.settings}
        onChange={(next) => {
          setData({ ...data, settings: next });
          api.saveSettings(next).then(
            () => setStatus('Settings saved.'),
            (error: Error) => setFailure(error.message),
          );
        }}
      />
    </main>
  );
}
