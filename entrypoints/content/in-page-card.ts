/**
 * In-page card: a known person's floating card on their own pages.
 *
 *   URL changes (load, Turbo, soft-nav, Navigation API; see ./index.ts)
 *     └─ parseIdentityUrl(location)  ── nobody? stop here: nothing else runs
 *          └─ lookup(key) (./lookup.ts) ── unknown, switched off or dismissed? hide
 *               └─ cardUi(): inject the UI bundle once ── showInPage(profile)
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
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { IdentityKey } from '../../identity/keys';
import { parseIdentityUrl } from '../../identity/parse';
import { ask } from './ask';
import { cardUi, loadedCardUi } from './card-ui-loader';
import { lookup } from './lookup-cache';

/** Returns `update`, to run on every URL change or stored-data change. */
export function startInPageCard(ctx: ContentScriptContext): (force?: boolean) => void {
  let shownKey: IdentityKey | undefined;
  let sequence = 0;

  const hide = () => {
    shownKey = undefined;
    void loadedCardUi()?.then((ui) => ui?.hideInPage());
  };

  const update = async (force = false) => {
    const key = parseIdentityUrl(location.href)?.key;
    if (key === shownKey && key !== undefined && !force) return;
    const turn = ++sequence;
    if (key === undefined) return hide();
    const answer = await lookup(ctx, key);
    if (turn !== sequence || ctx.isInvalid) return;
    if (!answer?.settings.inPage || answer.state === 'dismissed') return hide();
    const ui = await cardUi(ctx);
    if (turn !== sequence || !ui) return;
    shownKey = key;
    const { profile } = answer;
    await ui.showInPage(profile, answer.state, (state) => {
      void ask(ctx, { type: 'card-state', profileId: profile.id, state });
      // Dismissed: take the host out too, leaving the page as it was.
      if (state === 'dismissed') ui.hideInPage();
    });
  };

  void update();
  return (force) => void update(force);
}
