/**
 * Everyone, with search, and what can be done to each person or to all
 * (PeopleTable.tsx draws it): add and edit (opens PersonEditor.tsx), export
 * one person (JSON, vCard, JSON Resume) or everyone (in a worker, with its
 * progress, which redraws only its bar), delete at the version shown, hide
 * or show a bundled person.
 *
 * A person's whole record is read only here, when it is edited or exported;
 * the list itself is the store's summary (jobs/roster.ts).
 */
import type { RefObject } from 'preact';
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { exportDocument } from '../../formats/export';
import { EXPORT_FILES, type ExportFormat } from '../../formats/export-files';
import { toJsonResume } from '../../formats/json-resume';
import { toVCard, vcardFileName } from '../../formats/vcard';
import { t, tn } from '../../i18n/t';
import type { PersonRecord } from '../../store/store';
import type { Loaded } from './options-api';
import { PeopleTable } from './PeopleTable';
import type { Editor } from './PersonEditor';
import { Progress } from './Progress';
import type { Page } from './page';

export function PeopleSection({
  page,
  data,
  editor,
}: {
  page: Page;
  data: Loaded;
  editor: Editor;
}) {
  const { api } = page;
  /** The export of everyone is running. */
  const [exporting, setExporting] = useState(false);
  /** Its count of records read goes to the progress bar alone, not through this list (issue 28). */
  const exported = useRef<((read: number) => void) | undefined>(undefined);

  /** Opens a stored person's whole record (for an edit or an export); says so if they are gone. */
  const withPerson = async (id: string, use: (record: PersonRecord) => void) => {
    try {
      const record = await api.person(id);
      if (record) use(record);
      else page.fail(t('options_person_gone'));
      if (!record) await page.reload();
    } catch (error) {
      page.fail((error as Error).message);
    }
  };

  const exportAll = async (format: ExportFormat = 'json') => {
    if (exporting) return;
    setExporting(true);
    page.fail(undefined);
    try {
      const { file, count } = await api.exportAll((read) => exported.current?.(read), format);
      const { extension, type } = EXPORT_FILES[format];
      api.download(
        `profile-card-${new Date().toISOString().slice(0, 10)}.${extension}`,
        file,
        type,
      );
      page.say(tn('options_exported', count));
    } catch (error) {
      page.fail((error as Error).message);
    } finally {
      setExporting(false);
    }
  };

  return (
    <>
      <PeopleTable
        roster={data.roster}
        notes={page.scan.notes}
        usage={page.usage}
        blocked={page.blocked}
        busy={!!page.busy}
        exporting={exporting}
        onAdd={() => editor.open({})}
        onExportAll={(format) => void exportAll(format)}
        onEdit={(id) =>
          void withPerson(
            id,
            (record) =>
              // A linked person is edited as cards show them, so a save never writes back stale fields.
              void (api.shown?.(record.profile) ?? Promise.resolve(record.profile)).then(
                (profile) => editor.open({ profile, rev: record.rev }),
                (error: Error) => page.fail(error.message),
              ),
          )
        }
        onExport={(id, kind) =>
          void withPerson(id, ({ profile }) =>
            kind === 'json'
              ? api.download(`${profile.id}.json`, exportDocument([profile]), 'application/json')
              : kind === 'vcard'
                ? api.download(
                    vcardFileName(profile),
                    toVCard(profile, { mine: true }),
                    'text/vcard;charset=utf-8',
                  )
                : api.download(
                    `${profile.id}.resume.json`,
                    `${JSON.stringify(toJsonResume(profile), null, 2)}\n`,
                    'application/json',
                  ),
          )
        }
        onDelete={(id, rev, name) =>
          void withPerson(
            id,
            (record) =>
              void page
                .run(`delete-${id}`, () => api.remove(id, rev))
                .then((result) =>
                  editor.settle(result, t('options_deleted', name), {
                    action: 'delete',
                    mine: record.profile,
                    base: record.profile,
                  }),
                )
                .catch((error: Error) => page.fail(error.message)),
          )
        }
        onHide={(id, hide, name) =>
          void page.run(`hide-${id}`, async () => {
            await api.setHidden(id, hide);
            page.say(t(hide ? 'options_now_hidden' : 'options_now_shown', name));
            await page.reload();
          })
        }
      />
      {exporting && <ExportProgress report={exported} />}
    </>
  );
}

/** The export's progress bar, holding its own count: a new count redraws only the bar. */
function ExportProgress({ report }: { report: RefObject<((read: number) => void) | undefined> }) {
  const [read, setRead] = useState(0);
  useLayoutEffect(() => {
    report.current = setRead;
    return () => {
      report.current = undefined;
    };
  }, [report]);
  return <Progress label={t('options_exporting_progress', read)} />;
}
