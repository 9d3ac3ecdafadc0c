/**
 * Saving a note from a card (issue 26), for the background (a hovercard's
 * `note-save` message) and the toolbar popup alike: one preconditioned
 * transaction (./store.ts `saveMine`), its outcome as plain data a card can
 * show. A refused precondition says what is stored now, for the card to
 * offer both versions; nothing is written until the user chooses.
 */
import type { Mine } from '../people/schema';
import { saveMine } from './store';

/** What a card hears back (the `note-save` message's answer, messaging/messages.ts). */
export type NoteSaved =
  | { ok: true; mine: Mine | null }
  /** `theirs`: the note stored now (changed in another tab or by sync); `gone`: no such person. */
  | { ok: false; theirs: Mine | null; gone?: boolean }
  | { ok: false; error: string };

export async function saveNote(
  id: string,
  mine: Mine | undefined,
  seen: Mine | undefined,
): Promise<NoteSaved> {
  try {
    const result = await saveMine(id, mine, { seen });
    if (result.ok) return { ok: true, mine: result.record?.profile.mine ?? null };
    const { conflict } = result;
    if (conflict.kind === 'changed' || conflict.kind === 'exists')
      return { ok: false, theirs: conflict.theirs.profile.mine ?? null };
    return { ok: false, theirs: null, gone: true };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}
