/**
 * The toolbar popup's styles (build/vite-plugin-popup-styles.ts, issue 28):
 * the card is first painted with one stylesheet, a <style> in popup.html
 * with the rules of all (the old build linked three files), and none is
 * added once KeepPerson's chunk has been imported after that paint (Vite's
 * preload helper links the stylesheets a chunk carries unless a <link> to
 * them is there, after the popup's own rules). The positive control: the
 * helper's own <link> to KeepPerson's chunk is there, and the one sheet
 * holds the rules of every stylesheet the popup imports.
 */
import { launch, openToolbarPopup, type Session, waitUntil } from './harness';

let session: Session;
beforeAll(async () => {
  session = await launch();
});
afterAll(() => session?.close());

/** The page's stylesheets: whether each is linked, and the selectors of its rules. */
const SHEETS = `[...document.styleSheets].map((sheet) => ({
  linked: sheet.href !== null,
  rules: [...sheet.cssRules].map((rule) => rule.selectorText ?? '').join(' '),
}))`;
it('paints the card over one stylesheet of its own and adds none after', async () => {
  const page = await session.context.newPage();
  await page.goto('https://github.com/spacejam');
  const popup = await openToolbarPopup(session, page);
  try {
    await popup.waitForText('Tyler Neely');
    // The preload helper links a dynamic import's chunks, then its stylesheets, then imports it.
    await waitUntil('KeepPerson’s chunk imported', () =>
      popup.evaluate<boolean>(
        `document.querySelector('link[rel=modulepreload][href*="/chunks/KeepPerson-"]') !== null`,
      ),
    );
    // The old build linked three stylesheets from popup.html, here one <style>, and none since.
    const sheets = await popup.evaluate<{ linked: boolean; rules: string }[]>(SHEETS);
    expect(sheets.map((sheet) => sheet.linked)).toEqual([false]);
    // Every stylesheet the popup imports: the card, the notes, the popup's own, keep.css.
    for (const selector of ['.pc-theme', '.pc-note', '.pc-popup', '.pc-keep-offer'])
      expect(sheets[0]?.rules).toContain(selector);
  } finally {
    await popup.close();
    await page.close();
  }
});
