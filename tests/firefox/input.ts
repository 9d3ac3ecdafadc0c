/**
 * Trusted input in Firefox (BiDi `input.performActions` through puppeteer's
 * mouse and keyboard): what the card's Copy buttons and the sites' own
 * navigation need, since synthetic events cannot copy or count as a click.
 */
import type { Page } from 'puppeteer-core';
import { wait } from './harness';

/** The page element's box in viewport coordinates. */
export async function boxOf(page: Page, selector: string) {
  const box = await page.$eval(selector, (el) => {
    const r = el.getBoundingClientRect();
    return { x: r.x, y: r.y, width: r.width, height: r.height };
  });
  return { ...box, center: { x: box.x + box.width / 2, y: box.y + box.height / 2 } };
}

/**
 * Clicks one of the fixture router's links (`a[data-spa]`, ../browser/fixtures.ts)
 * with the real mouse, so the page itself navigates without a reload as the
 * sites do, and waits for the URL to change.
 */
export async function followLink(page: Page, href: string): Promise<void> {
  const link = await boxOf(page, `a[data-spa][href="${href}"]`);
  await page.mouse.click(link.center.x, link.center.y);
  await wait(
    `the URL to become ${href}`,
    async () => (await page.evaluate(() => location.pathname)) === href,
  );
}

/**
 * What the clipboard holds, read back as a user would: a trusted Ctrl+V into
 * a textarea added to `page` (a page cannot read the clipboard unprompted in
 * Firefox, and the add-on asks for no clipboard permission).
 */
export async function pasteClipboard(page: Page): Promise<string> {
  await page.evaluate(() => {
    document.getElementById('test-paste')?.remove();
    const area = document.createElement('textarea');
    area.id = 'test-paste';
    area.style.cssText = 'position:fixed;left:8px;top:8px;width:200px;height:40px;z-index:1;';
    document.body.append(area);
  });
  await page.click('#test-paste');
  await page.keyboard.down('Control');
  await page.keyboard.press('v');
  await page.keyboard.up('Control');
  let text = '';
  await wait('the paste', async () => {
    text = await page.$eval('#test-paste', (area) => (area as HTMLTextAreaElement).value);
    return text !== '';
  });
  await page.evaluate(() => document.getElementById('test-paste')?.remove());
  return text;
}
