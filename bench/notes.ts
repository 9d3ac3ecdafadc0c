/**
 * What people found out about a figure: why it misses its target, what its
 * trace showed dominating, what was done. bench/readme.ts puts each note
 * beside its figure in bench/README.md — a miss's under "Misses", any other
 * under "Notes" — so a reason is kept here, once, under the figure's name in
 * a full run (10,000 and 100,000 people). A miss without a note says so.
 */

const HOVER_FRAME =
  'The card is rendered hidden while the delay runs and revealed in one style change, so it ' +
  'can paint in the first frame after the delay; the milliseconds run from the delay’s end ' +
  'to that frame, so at 60 Hz their 95th percentile sits at about one frame (16.7 ms) by ' +
  'construction. In the latest run the machine ran at a load average of 13–17 on 2 cores ' +
  '(every same-run baseline about 2× the run before: `popup_first_paint_ms` 212 ms against ' +
  '96), and late frames (`hover_to_card_frame_p95` 2) dominate; not traced further.';

const POPUP_FLOOR =
  'The card is the popup’s first paint (the ratio to `popup_first_paint_ms` is ~1): the ' +
  'popup asks for the tab’s person before its first render. What is left is the browser ' +
  'creating and sizing the popup window before it paints anything, which the extension cannot ' +
  'shorten; on this loaded machine that floor alone is above 50 ms.';

const KEYSTROKE_FLOOR =
  'With 3 people the same keys already take 21–26 ms in the same runs: the measure (key ' +
  'event → `input` → a task after Preact’s render → forced layout) costs one to two frames on ' +
  'this machine whatever the list holds, so 16 ms is under its floor, and the ratio is what ' +
  'the people add. At 100,000 the first letter ' +
  '(`a`, in nearly every name) matches almost everyone. The list’s rendering and search index ' +
  'are another engineer’s (issue 28’s list items); not profiled here.';

const SCROLL =
  'Each frame draws one screen of rows; an earlier CPU profile of the scroll was all layout ' +
  'of the rows drawn, with long tasks clustering while the page was still finishing its ' +
  'start (the worker’s scan posting back, the storage estimate). Rendering the list is the ' +
  'list engineer’s part of issue 28; not traced here.';

const COLD =
  'Almost all of it is the service worker starting (the same at 3, 10,000 and 100,000 ' +
  'people: see the ratios); the store’s part is one index read. 41–45 ms in the run before, ' +
  '~54 ms at this run’s load.';

export const NOTES: Record<string, string> = {
  content_script_bytes:
    'Issue 28: 24,945 B before, of which ~11 KB was webextension-polyfill for the two calls ' +
    'the content script makes (runtime.sendMessage, storage.onChanged), which Chrome MV3 and ' +
    'Firefox answer with promises natively. Without it WXT gives the browser’s own ' +
    '`browser`/`chrome`; the background answers through `sendResponse` ' +
    '(messaging/reply.ts) because Chrome before 144 ignores a promise returned from ' +
    '`onMessage`.',
  pageload_growth_ratio:
    'The content script does the same constant work on every page (parse one URL, register ' +
    'one set of listeners, ask one question) and reads nothing of the page. The run before ' +
    'the polyfill went (issue 28) measured 1.198; without its ~11 KB to compile on every page ' +
    'the first full run measured 1.084 (met), but the spread run to run (0.68–1.53) is wider ' +
    'than the margin, so one run does not settle it.',
  hover_to_card_p95_ms: HOVER_FRAME,
  hover_to_card_p95_10k_ms: HOVER_FRAME,
  popup_open_ms: POPUP_FLOOR,
  popup_open_10k_ms: POPUP_FLOOR,
  popup_list_open_10k_ms:
    'The list with 3 people takes about as long in the same runs (see the ratio), so 100 ms is ' +
    'under this machine’s floor for opening a popup; the list reads the stored summary of the ' +
    'rows, not the profiles.',
  popup_list_open_100k_over_3_ratio:
    'Reading the summary’s chunks (100 chunks of 1,000 rows) grows with the people; a store ' +
    'summary read in one request is the idea to weigh (issue 28), in the list engineer’s part.',
  options_first_rows_10k_ms:
    'The page’s own start with 3 people takes 310 ms in the same runs, so 150 ms is under ' +
    'this machine’s floor; the ratio (1.39) is what 10,000 people add.',
  options_first_rows_100k_ms:
    'At 100,000 reading the rows’ summary adds about as much again as the popup’s list does.',
  options_first_rows_100k_over_3_ratio:
    'Reading the rows’ summary at 100,000 (the same cost as the popup’s).',
  popup_keystroke_p95_10k_ms: KEYSTROKE_FLOOR,
  popup_keystroke_p95_100k_ms: KEYSTROKE_FLOOR,
  options_keystroke_p95_10k_ms: KEYSTROKE_FLOOR,
  options_keystroke_p95_100k_ms:
    `${KEYSTROKE_FLOOR} The popup searches the same index faster, so the options page’s ` +
    'extra time is its own redraw of the table’s rows.',
  options_scroll_long_tasks_100k: SCROLL,
  options_scroll_long_tasks_10k: SCROLL,
  hover_to_card_frame_p95:
    'Was 1 in the run before; 2 in this one, at a load average of 13–17 (see ' +
    '`hover_to_card_p95_ms`).',
  cold_lookup_3_ms: COLD,
  cold_lookup_10k_ms: COLD,
  import_write_ms:
    'A CPU profile of the options page during a 10,000-person write (click → “Imported:”, ' +
    '2.7 s that time) found its thread idle for 2.5 s of it: the work is in the import worker ' +
    'and IndexedDB (records built, each person’s list row computed and the summary’s chunks ' +
    'written in the same transaction, 10,000 puts with a multi-entry index). The worker’s own ' +
    'profile could not be taken (the page ends the worker when the job ends, before the ' +
    'profiler stops), so what dominates inside it is not known yet; nothing was changed. The ' +
    'write with 3 people, in the same runs, is the baseline.',
  import_10k_profiles_ms:
    'Preview plus write; both grew about 2× with the machine’s load this run (the preview ' +
    'was 564 ms and the write 1,168 ms in the run before). See `import_write_ms`.',
  import_preview_ms: 'See `import_10k_profiles_ms`: load; the preview runs in a worker.',
  import_100k_profiles_ms:
    'Not traced: ~50 s here against 22 s in the run before on a less loaded machine. The ' +
    'ideas in issue 28 (larger transactions, the summary built once rather than per slice) ' +
    'are not done.',
  export_100k_ms:
    'Before: the worker read every record, made the JSON twice (indented, ~60 MB, then ' +
    'compact once it was over 1 MB), posted the 44 MB string to the page, and the page encoded ' +
    'it again into a Blob — the long tasks of 300–470 ms in issue 28. Now the compact text is ' +
    'made first (the indented one only when it can be within 1 MB) and the worker posts a ' +
    'Blob, which the page hands to the browser without copying. What is left is the worker ' +
    'reading 100,000 records in slices and one JSON.stringify, off the page’s thread; not ' +
    'traced further.',
  export_100k_long_tasks:
    'Two tasks of ~54 ms (was 300–470 ms): the page’s own re-renders of the progress label ' +
    'while the worker reads; not traced further.',
  bench_duration_s:
    'Now counted from `npm run bench` (its build included). 31 min at a load average of ' +
    '13–17: page loads ~300 s (60 traced loads), hovers ~230 s (240 hovers), imports ~420 s ' +
    '(10 × 3 and 10 × 10,000 people, 3 × 100,000), cancels and exports ~235 s, lists at scale ' +
    '~380 s, first hovers and popups ~170 s, seeding 150 s. Retries: none were needed. The ' +
    '100,000 runs went from 10 to 3; halving the hovers per run and the lists’ runs is the ' +
    'next step if 20 min is to hold on this machine.',
};
