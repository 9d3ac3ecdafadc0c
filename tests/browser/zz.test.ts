import { launch, type Session } from './harness';

let session: Session;
beforeAll(async () => {
  session = await launch({ width: 1100, height: 1400 });
});
afterAll(() => session?.close());
it('x', async () => {
  const page = await session.context.newPage();
  page.on('pageerror', (m) => console.log('err', m.message));
  page.on('console', (m) => console.log('console', m.text()));
  await page.goto(`chrome-extension://${session.extensionId}/options.html`);
  await page.getByText('People').first().waitFor();
  await page.waitForTimeout(300);
  await page.screenshot({ path: '/tmp/opt1.png', fullPage: true });
});
