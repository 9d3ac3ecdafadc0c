/**
 * How the user left each person's in-page card this browser session
 * (collapsed, dismissed), kept in `storage.session` so it is gone when the
 * browser closes.
 */
import type { CardState } from '../../messaging/messages';
import { cardStatesItem, readCardStates } from '../../settings/items';

export { readCardStates };

export async function setCardState(profileId: string, state: CardState): Promise<void> {
  await cardStatesItem.setValue({ ...(await readCardStates()), [profileId]: state });
}
