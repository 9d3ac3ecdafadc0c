/**
 * The popup and the options page in real Firefox with forced colours on
 * (the "Override the colours: Always" setting, `browser.display.document_color_use`
 * = 2, which is what `forced-colors: active` reports there): backgrounds and
 * shadows are replaced by the system's, so what marks the active person and
 * the way back must be an outline or a border. Its own launch: the setting
 * is a pref read at start (puppeteer's media emulation does not reach it).
 */
import {
  type FirefoxSession,
  launch,
  newTab,
  openExtensionPage,
  strayRequests,
  wait,
} from './harness';

let session: FirefoxSession;
beforeAll(async () => {
  session = await launch({ extraPrefs: { 'browser.display.document_color_use': 2 } });
});
afterAll(() => session?.close());

it('marks the popup’s active person and outlines the way back', async () => {
  const popup = await newTab(session, { width: 360, height: 600 });
  await openExtensionPage(popup, 'popup.html');
  await wait('the list', () => popup.evaluate(() => document.body.innerText.includes('3 people')));
  // Positive control: forced colours are on.
  expect(await popup.evaluate(() => matchMedia('(forced-colors: active)').matches)).toBe(true);
  const marks = await popup.$$eval('[role="option"]', (options) =>
    options.map(
      (option) =>
        `${option.getAttribute('aria-selected')} ${getComputedStyle(option).outlineStyle}`,
    ),
  );
  expect(marks).toEqual(['true solid', 'false none', 'false none']);
  await popup.keyboard.press('Enter');
  await wait('the card', () => popup.evaluate(() => !!document.querySelector('.pc-back')));
  expect(await popup.$eval('.pc-back', (button) => getComputedStyle(button).borderTopStyle)).toBe(
    'solid',
  );
  await popup.close();
});

it('made no request beyond the add-on’s own files', () => {
  expect(strayRequests(session)).toEqual([]);
});
