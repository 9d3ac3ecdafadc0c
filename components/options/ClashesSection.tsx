/**
 * Handles two people claim, from the page's last scan (ConflictsPanel.tsx
 * draws them), and the one thing to do about a clash with an address book's
 * contact: link the two (docs/carddav.md#links). A link made here bumps
 * `onLinked`, so the address-book section lists it.
 */
import { t } from '../../i18n/t';
import type { CardDavApi } from './CardDavPanel';
import { ConflictsPanel } from './ConflictsPanel';
import type { Page } from './page';

export function ClashesSection({ page, onLinked }: { page: Page; onLinked: () => void }) {
  const { scan } = page;
  const carddav = page.api.carddav;
  return (
    <ConflictsPanel
      conflicts={scan.conflicts}
      byId={(id) => (scan.names[id] === undefined ? undefined : { name: scan.names[id] })}
      directoryClashes={scan.directoryClashes}
      busy={!!page.busy}
      {...(carddav && {
        onLink: (dir: string, person: string, card: string) =>
          link(page, carddav, onLinked, dir, person, card),
      })}
    />
  );
}

function link(
  page: Page,
  carddav: CardDavApi,
  onLinked: () => void,
  dir: string,
  person: string,
  card: string,
) {
  void page.run(`link-${person}`, async () => {
    const result = await carddav.link(dir, person, card);
    if (!result.ok) page.fail(result.error);
    else {
      const made = result.book.linked.find((each) => each.person === person);
      page.say(
        t('cdav_linked', made?.personName ?? person, made?.cardName ?? card, result.book.name),
      );
    }
    onLinked();
    await page.reload();
  });
}
