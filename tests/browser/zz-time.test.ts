import { generateProfiles } from '../../bench/generate';
import { clearStore, importThroughOptions } from '../../bench/store-figures';
import { launch } from './harness';

it('time', async () => {
  const s = await launch();
  const page = await s.context.newPage();
  await page.goto(`chrome-extension://${s.extensionId}/options.html`);
  for (const n of [10_000, 100_000]) {
    const file = Buffer.from(JSON.stringify({ version: 1, profiles: generateProfiles(n) }));
    for (let i = 0; i < 2; i++) {
      await clearStore(page);
      const t = await importThroughOptions(s, page, file);
      console.log('TIME', n, JSON.stringify(t));
    }
  }
  await s.close();
}, 600000);
