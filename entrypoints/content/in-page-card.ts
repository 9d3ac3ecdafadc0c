/**
 * In-page card: a known person's floating card on their own pages.
 *
 *   page load ─────────────────────────────┐ the URL the document loaded with
 *   soft navigation (./navigation.ts) ─────┤ only if the user caused it (./user-input.ts)
 *   stored data changed (./stored-changes) ┘ only for the person the user came to
 *     └─ parseIdentityUrl(location)  ── nobody? hide: nothing else runs
 *          └─ lookupIdentity ── unknown, switched off or dismissed? hide
 *               └─ cardUi(): inject the UI bundle once ── showInPage(profile)
 *
 * Why the gate: the card's host appearing is visible to the page, so a card
 * that appeared after a page's own `pushState` would tell it whom the user
 * keeps cards for. A person's card appears on a full load of their page (the
 * URL the document was loaded with, not one a script replaced it with
 * before we ran), on the user's own back/forward, and after the user's own
 * click or navigation key. A page that pushes through profile URLs on its own
 * sees nothing at all: the card it had (if any) goes, whoever the URL names.
 *
 * A sequence number drops answers that arrive after the user moved on, so a
 * slow answer never shows a stale card.
 *
 * Real URLs:
 * https://github.com/spacejam
 * https://github.com/spacejam/sled/issues
 * https://gist.github.com/spacejam
 * https://www.linkedin.com/in/denizalti/
 */

import type { IdentityKey } from '../../identity/keys';
import { parseIdentityUrl } from '../../identity/parse';
import type { CardState } from '../../messaging/messages';
import { ask } from './ask';
import { cardUi, loadedCardUi } from './card-ui-loader';
import type { ScriptContext } from './context';
import { lookupIdentity, rememberCardState } from './lookup-cache';
import type { UrlChange } from './navigation';
import { unawaited } from './unawaited';
import type { UserInput } from './user-input';

export type InPageReason = { kind: 'load' } | { kind: 'stored' } | ({ kind: 'url' } & UrlChange);

export interface InPageCard {
  update(reason: InPageReason): void;
  /** The person whose card is shown expanded right now, if any. */
  expandedProfileId(): string | undefined;
}

/** The key of the URL this document was loaded with (not a later pushState). */
function loadedKey(): IdentityKey | undefined {
  const [entry] = performance.getEntriesByType('navigation');
  return parseIdentityUrl(entry?.name ?? location.href)?.key;
}

export function startInPageCard(ctx: ScriptContext, input: UserInput): InPageCard {
  let shownKey: IdentityKey | undefined;
  let shown: { profileId: string; state: CardState } | undefined;
  /** The person the user came to this URL for: only their card may show. */
  let allowedKey: IdentityKey | undefined;
  let sequence = 0;

  const hide = () => {
    sequence++;
    shownKey = undefined;
    shown = undefined;
    unawaited(loadedCardUi()?.then((ui) => ui?.hideInPage()));
  };

  const show = async (key: IdentityKey, alternates: IdentityKey[] | undefined) => {
    const turn = ++sequence;
    const answer = await lookupIdentity(ctx, { key, alternates });
    if (turn !== sequence || ctx.isInvalid) return;
    if (!answer?.settings.inPage || answer.state === 'dismissed') return hide();
    const ui = await cardUi(ctx);
    if (turn !== sequence || !ui) return;
    const { profile } = answer;
    shownKey = key;
    const state = await ui.showInPage(profile, answer.state, (next) => {
      rememberCardState(profile.id, next);
      if (shown?.profileId === profile.id) shown.state = next;
      unawaited(ask(ctx, { type: 'card-state', profileId: profile.id, state: next }));
      // Dismissed: take the host out too, leaving the page as it was.
      if (next === 'dismissed') {
        shown = undefined;
        ui.hideInPage();
      }
    });
    if (turn === sequence) shown = state ? { profileId: profile.id, state } : undefined;
  };

  const update = (reason: InPageReason) => {
    const identity = parseIdentityUrl(location.href);
    const key = identity?.key;
    if (key === undefined) {
      allowedKey = undefined;
      return hide();
    }
    if (reason.kind === 'url') {
      // Same person (a profile tab, a repository of theirs): nothing changes.
      if (key === shownKey || key === allowedKey) return;
      const keys = [key, ...(identity?.alternates ?? [])];
      allowedKey = reason.userTraversal || input.caused(keys, reason.lateByMs) ? key : undefined;
    } else if (reason.kind === 'load') {
      allowedKey = key === loadedKey() ? key : undefined;
    }
    if (key !== allowedKey) return hide();
    unawaited(show(key, identity?.alternates));
  };

  return {
    update,
    expandedProfileId: () => (shown?.state === 'expanded' ? shown.profileId : undefined),
  };
}
