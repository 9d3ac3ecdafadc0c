/**
 * The options rows' action labels name their person exactly as the message
 * with the name filled in says (PeopleTable asks each message once per
 * render and fills in each row's name), names with `$` in them included.
 */
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { PeopleTable } from '../../components/options/PeopleTable';
import { t } from '../../i18n/t';
import { buildRoster } from '../../jobs/roster';
import { bundledProfiles } from '../../people/bundled';
import { recordOf } from '../../store/db';
import { rowOf } from '../../store/people-rows';
import { person, storedOf } from './fixtures';

const names = ['Ada Lovelace', 'Cash $& $1 $$ Money', 'Zoë Ünal'];

it('labels every action with its person’s name, as the message says', () => {
  const rows = names.map((name, at) => rowOf(recordOf(person(`p-${at}`, { name }), 1)));
  const roster = buildRoster(
    storedOf(rows, 1, [bundledProfiles[0]?.id ?? '']),
    bundledProfiles,
    'all',
  );
  const root = document.createElement('div');
  document.body.append(root);
  const noop = () => undefined;
  act(() =>
    render(
      <PeopleTable
        roster={roster}
        usage={{}}
        busy={false}
        exporting={false}
        onAdd={noop}
        onExportAll={noop}
        onEdit={noop}
        onExport={noop}
        onDelete={noop}
        onHide={noop}
      />,
      root,
    ),
  );
  const labels = [...root.querySelectorAll('.pc-people button')].map((button) =>
    button.getAttribute('aria-label'),
  );
  for (const name of names)
    for (const key of [
      'table_edit_label',
      'table_export_json_label',
      'table_export_vcard_label',
      'table_export_resume_label',
      'table_delete_label',
    ] as const)
      expect(labels).toContain(t(key, name));
  const [hiddenOne, ...shown] = bundledProfiles;
  expect(labels).toContain(t('table_show_label', hiddenOne?.name ?? ''));
  for (const profile of shown) expect(labels).toContain(t('table_hide_label', profile.name));
  expect(labels.filter((label) => label?.includes('\uE000'))).toEqual([]);
  render(null, root);
  root.remove();
});
