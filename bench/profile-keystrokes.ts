/**
 * Where a search keystroke's time goes in the popup with 100,000 people: one
 * Chromium with the built extension, the people imported as a user does, the
 * bench's keys (./scale-figures.ts) typed into the popup's search under the
 * V8 CPU profiler (CDP `Profiler`, 100 µs samples), and the functions with
 * the most self time printed. What it found is in bench/notes.ts. Run with
 * `npm run build && BENCH=profile-keystrokes npx vitest run --config vitest.browser.config.ts`.
 */
import { launch } from '../tests/browser/harness';
import { generateProfiles } from './generate';
import { patient } from './patience';
import { keystrokeTimes, TYPED } from './scale-figures';
import { importThroughOptions } from './store-figures';
import { type CpuProfile, selfTimes } from './trace';

it(
  'profiles popup keystrokes at 100,000 people',
  async () => {
    const session = await launch({ width: 1440, height: 900 });
    patient(session.context);
    try {
      const options = await session.context.newPage();
      await importThroughOptions(
        session,
        options,
        Buffer.from(JSON.stringify({ version: 1, profiles: generateProfiles(100_000) })),
      );
      const popup = await session.context.newPage();
      await popup.setViewportSize({ width: 360, height: 600 });
      await popup.goto(`chrome-extension://${session.extensionId}/popup.html`);
      await popup.locator('[elementtiming="people-list"]').waitFor();
      await popup.getByRole('searchbox').focus();
      const cdp = await session.context.newCDPSession(popup);
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
      await cdp.send('Profiler.start');
      const times = await keystrokeTimes(popup, TYPED);
      const { profile } = (await cdp.send('Profiler.stop')) as {
        profile: CpuProfile;
      };
      const total = selfTimes(profile);
      const busy = total.reduce((sum, [, ms]) => sum + ms, 0);
      console.log(
        `keys: ${times.map((time, i) => `${TYPED[i]} ${time.ms.toFixed(1)}`).join(', ')}\n` +
          `busy ${busy.toFixed(1)} ms over ${TYPED.length} keys; self time, top 25:\n${total
            .slice(0, 25)
            .map(([key, ms]) => `${ms.toFixed(1).padStart(8)} ms  ${key}`)
            .join('\n')}`,
      );
    } finally {
      await session.close();
    }
  },
  10 * 60_000,
);
