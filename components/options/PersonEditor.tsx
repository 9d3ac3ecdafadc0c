/**
 * Adding and editing one person, and what happens when another tab changed
 * them first: the form (ProfileForm.tsx) checked as an import is (formats/),
 * and the refused write shown for the user to retry or keep theirs
 * (../parts/ConflictNotice.tsx).
 *
 *   useEditor(page) ── editing, conflict, settle ──▶ <PersonEditor>  notice, then form
 *                                              └──▶ PeopleSection.tsx  opens it; deletes settle here
 *
 * Every change is one operation on one person at the version shown; the
 * store refuses it when someone else's write came first.
 */
import { useMemo, useState } from 'preact/hooks';
import { previewFile } from '../../formats/import-backup';
import { t } from '../../i18n/t';
import { bundledOutOf, claimantsOf } from '../../jobs/roster-claims';
import { withMine } from '../../people/notes';
import type { Profile } from '../../people/schema';
import { describe, type Issue } from '../../people/validate';
import type { WriteResult } from '../../store/store';
import { ConflictNotice, type PendingConflict } from '../parts/ConflictNotice';
import { LinkContact } from './LinkContact';
import { ProfileForm } from './ProfileForm';
import type { Page } from './page';

export interface Editor {
  /** The person in the form (an empty target: a new person), if it is open. */
  editing: { profile?: Profile; rev?: number } | undefined;
  open: (target: { profile?: Profile; rev?: number } | undefined) => void;
  conflict: (PendingConflict & { rev?: number }) | undefined;
  /** A write's verdict: done (status, reload) or a conflict to show. */
  settle: (
    result: WriteResult | undefined,
    done: string,
    pending: Omit<PendingConflict, 'conflict'>,
  ) => Promise<boolean>;
  dismiss: () => void;
}

export function useEditor(
  page: Page,
  bundled: readonly Profile[],
): Editor & { takenIds: Set<string> } {
  const [editing, open] = useState<{ profile?: Profile; rev?: number } | undefined>();
  const [conflict, setConflict] = useState<PendingConflict & { rev?: number }>();

  const roster = page.data?.roster;
  const takenIds = useMemo(() => {
    if (!editing || !roster) return new Set<string>();
    const ids = new Set(bundled.map((profile) => profile.id));
    for (let row = 0; row < roster.size; row++) ids.add(roster.id(row));
    return ids;
  }, [roster, bundled, !editing]);

  const settle: Editor['settle'] = async (result, done, pending) => {
    if (!result) return false;
    if (result.ok) {
      setConflict(undefined);
      page.say(done);
      await page.reload();
      return true;
    }
    if (result.conflict.kind === 'claimed' && pending.action !== 'delete') {
      // The same words an import uses for a taken identity.
      const { key, owner } = result.conflict;
      setConflict(undefined);
      throw new Error(t('claimed_by', key, owner.name, owner.id));
    }
    setConflict({ ...pending, conflict: result.conflict });
    await page.reload();
    return false;
  };

  return {
    editing,
    open,
    conflict,
    settle,
    dismiss: () => setConflict(undefined),
    takenIds,
  };
}

export function PersonEditor({
  page,
  editor,
  bundled,
  onLinked,
}: {
  page: Page;
  editor: ReturnType<typeof useEditor>;
  bundled: readonly Profile[];
  /** A link made here: the address-book section lists it. */
  onLinked?: () => void;
}) {
  const { api } = page;
  const { editing, conflict, settle } = editor;
  const roster = page.data?.roster;
  /** Links made from this form: each shows the person afresh (a new key for the form). */
  const [links, setLinks] = useState(0);

  /** After a link: say so, and reopen the form with the person as cards now show them. */
  const linked = async (id: string, sentence: string) => {
    page.say(sentence);
    void page.reload().catch(() => undefined);
    try {
      const record = await api.person(id);
      if (!record) return page.fail(t('options_person_gone'));
      const profile = await (api.shown?.(record.profile) ?? record.profile);
      editor.open({ profile, rev: record.rev });
    } catch (error) {
      page.fail((error as Error).message);
    } finally {
      setLinks((at) => at + 1);
      onLinked?.();
    }
  };

  /**
   * The form's entry through the same checks as an import, against everyone
   * else; the person itself when valid, else the reasons in words.
   */
  const checkEntry = (
    entry: unknown,
    ownId?: string,
  ): { profile: Profile; issues?: undefined } | { issues: Issue[] } => {
    const others = roster ? claimantsOf(roster, entry, ownId) : [];
    const result = previewFile('form', JSON.stringify(entry), {
      existing: others,
      bundled,
      hidden: roster ? bundledOutOf(roster) : [],
    });
    if (!result.ok) return { issues: [{ path: [], message: result.error }] };
    const issues = [
      ...result.preview.rejected.flatMap((rejected) => rejected.issues),
      // An import keeps a person without an unusable field; a form never drops what was typed.
      ...(result.preview.leftOut ?? []).flatMap((left) => left.issues),
    ];
    const taken = result.preview.updated[0]?.before ?? result.preview.unchanged[0];
    if (taken)
      issues.push({
        path: ['id'],
        message: t('options_id_taken', taken.name),
      });
    const profile = result.preview.added[0];
    return issues.length > 0 || !profile ? { issues } : { profile };
  };

  const saveForm = async (entry: unknown) => {
    const target = editing;
    const checked = checkEntry(entry, target?.profile?.id);
    if (checked.issues) {
      const [first] = checked.issues;
      throw new Error(first ? describe(first) : t('form_not_valid'));
    }
    // The form does not edit the user's note: an edit keeps it (issue 26).
    const profile = withMine(checked.profile, target?.profile?.mine);
    const editingSame = target?.profile?.id === profile.id && target.rev !== undefined;
    await page.hold('save', async () => {
      const outcome = editingSame
        ? await api.update(profile, target.rev as number)
        : await api.add(profile);
      const saved = await settle(outcome, t('options_saved', profile.name), {
        action: editingSame ? 'save' : 'add',
        mine: profile,
        ...(target?.profile ? { base: target.profile } : {}),
      });
      if (saved) editor.open(undefined);
    });
  };

  const retryConflict = async () => {
    if (!conflict) return;
    const { action, mine, conflict: found } = conflict;
    if (found.kind === 'gone') {
      const result = await page.run('retry', () => api.add(mine));
      await settle(result, t('options_saved', mine.name), { action: 'add', mine });
      if (result?.ok) editor.open(undefined);
      return;
    }
    if (found.kind === 'claimed') {
      editor.dismiss();
      return;
    }
    const theirs = found.theirs;
    if (action === 'delete') {
      const result = await page.run('retry', () => api.remove(theirs.id, theirs.rev));
      await settle(result, t('options_deleted', theirs.profile.name), {
        action,
        mine: theirs.profile,
        base: theirs.profile,
      });
      return;
    }
    const result = await page.run('retry', () => api.update(mine, theirs.rev));
    try {
      const saved = await settle(result, t('options_saved', mine.name), {
        action: 'save',
        mine,
        base: theirs.profile,
      });
      if (saved) editor.open(undefined);
    } catch (error) {
      editor.dismiss();
      page.fail((error as Error).message);
    }
  };

  return (
    <>
      {conflict && (
        <ConflictNotice
          pending={conflict}
          busy={!!page.busy}
          onRetry={() =>
            void retryConflict().catch((error: Error) => {
              editor.dismiss();
              page.fail(error.message);
            })
          }
          onKeepTheirs={() => {
            editor.dismiss();
            editor.open(undefined);
            void page.reload().catch(() => undefined);
          }}
        />
      )}

      {editing && (
        <ProfileForm
          // A new link shows the person afresh, as cards now show them (never a stale draft).
          key={`${editing.profile?.id ?? 'new'}-${links}`}
          profile={editing.profile}
          takenIds={editor.takenIds}
          check={(entry) => checkEntry(entry, editing.profile?.id).issues ?? []}
          onCancel={() => editor.open(undefined)}
          onSave={saveForm}
        />
      )}
      {editing?.profile && api.carddav && (
        <LinkContact
          key={editing.profile.id}
          api={api.carddav}
          person={editing.profile}
          onLinked={(sentence) => void linked(editing.profile?.id ?? '', sentence)}
        />
      )}
    </>
  );
}
