/**
 * What people found out about a figure: why it misses its target, what its
 * trace showed dominating, what was done. bench/readme.ts puts each note
 * beside its figure in bench/README.md — a miss's under "Misses", any other
 * under "Notes" — so a reason is kept here, once, under the figure's name in
 * a full run (10,000 and 100,000 people). A miss without a note says so.
 */

const HOVER_FRAME =
  'Almost every hover paints in the first frame after the delay (`hover_to_card_frame_p95` ' +
  'is 1): the card is rendered hidden while the delay runs and revealed in one style change. ' +
  'The milliseconds run from the delay’s end to that frame, so at 60 Hz their 95th percentile ' +
  'sits at about one frame (16.7 ms) by construction, plus a loaded machine’s late frames.';

const POPUP_FLOOR =
  'The card is the popup’s first paint (the ratio to `popup_first_paint_ms` is ~1): the ' +
  'popup asks for the tab’s person before its first render. What is left is the browser ' +
  'creating and sizing the popup window before it paints anything, which the extension cannot ' +
  'shorten; on this loaded machine that floor alone is above 50 ms.';

const KEYSTROKE_FLOOR =
  'With 3 people the same keys take about as long (see the ratio): the measure (key event → ' +
  '`input` → a task after Preact’s render → forced layout) costs one to two frames on this ' +
  'machine whatever the list holds, so 16 ms is under its floor. At 100,000 the first letter ' +
  '(`a`, in nearly every name) matches almost everyone. The list’s rendering and search index ' +
  'are another engineer’s (issue 28’s list items); not profiled here.';

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
    'one set of listeners, ask one question) and reads nothing of the page, yet on the ' +
    '2,000-link page its ~1.1 ms has been ~1.3 ms. Garbage collection inside our events is ' +
    'left out (`pageload_growth_ratio_including_gc` is about the same), so what remains is V8 ' +
    'running the same start-up code more slowly in a bigger, freshly loaded page heap; the ' +
    'absolute cost stays about a millisecond.',
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
    'The page’s own start with 3 people takes about as long in the same runs, so 150 ms is ' +
    'under this machine’s floor; the people add little at 10,000.',
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
  options_scroll_long_tasks_100k:
    'Each frame draws one screen of rows; a CPU profile of the scroll itself is all layout of ' +
    'the rows drawn, and long tasks cluster when scrolling starts while the page is still ' +
    'finishing its start (the worker’s scan posting back, the storage estimate).',
  import_write_ms:
    'Each written person’s list row (folded words, handles) is computed and the summary’s ' +
    'chunks are written in the same transaction, so the list never goes stale.',
};
