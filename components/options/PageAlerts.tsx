/**
 * What stands above the options page's people: why the people cannot be
 * read or written (a newer database or version), what is wrong with the
 * stored data and the ways out (StoredDataBanners.tsx), settings that could
 * not be read, and the page's one problem of the moment (`page.failure`).
 */
import type { Loaded } from './options-api';
import type { Page } from './page';
import { StoredDataBanners } from './StoredDataBanners';

export function PageAlerts({ page, data }: { page: Page; data: Loaded }) {
  const { migration } = data;
  return (
    <>
      {data.unavailable && (
        <p class="pc-banner" role="alert">
          {data.unavailable}
        </p>
      )}
      {migration.kind === 'future' && (
        <p class="pc-banner" role="alert">
          {migration.message}
        </p>
      )}
      <StoredDataBanners
        api={page.api}
        migration={migration}
        damaged={page.scan.damaged}
        busy={page.busy}
        blocked={page.blocked}
        run={page.run}
        say={page.say}
        reload={page.reload}
      />
      {data.settingsProblem && (
        <p class="pc-banner" role="alert">
          {data.settingsProblem}
        </p>
      )}
      {page.failure && (
        <p class="pc-error" role="alert">
          {page.failure}
        </p>
      )}
    </>
  );
}
