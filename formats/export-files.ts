/** What each "Export all" format is downloaded as: one table for the worker and the page. */
export type ExportFormat = 'json' | 'vcard' | 'csv';

export const EXPORT_FILES: Record<ExportFormat, { extension: string; type: string }> = {
  json: { extension: 'json', type: 'application/json' },
  vcard: { extension: 'vcf', type: 'text/vcard;charset=utf-8' },
  csv: { extension: 'csv', type: 'text/csv;charset=utf-8' },
};
