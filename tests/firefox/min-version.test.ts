/**
 * The oldest Firefox the manifest accepts (`strict_min_version`, from
 * wxt.config.ts), unpacked from Debian's archive by ./unpack-esr.sh. Firefox
 * gained the Navigation API only around version 147, and LinkedIn announces
 * its navigations with nothing else, so that is what this checks there;
 * GitHub's Turbo events are the control that the add-on runs at all.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { cardGone, cardShows, cardText } from './card';
import { type FirefoxSession, launch, MIN_VERSION, strayRequests } from './harness';
import { followLink } from './input';

const major = MIN_VERSION.split('.')[0] as string;
let session: FirefoxSession;

/** Unpacks (once) and finds the oldest accepted ESR; stderr says what apt did. */
function oldestEsr(): string {
  const script = join(import.meta.dirname, 'unpack-esr.sh');
  const run = spawnSync('bash', [script, major], { encoding: 'utf8' });
  if (run.stderr) console.log(run.stderr);
  if (run.status !== 0) throw new Error(`unpack-esr.sh ${major} failed:\n${run.stderr}`);
  return run.stdout.trim();
}

beforeAll(async () => {
  session = await launch({ executablePath: oldestEsr() });
  console.log(`Firefox under test: ${session.version} (the manifest asks for ${MIN_VERSION})`);
}, 300_000);
afterAll(() => session?.close());

describe(`Firefox ${major} ESR, the manifest's minimum`, () => {
  it('runs the add-on: the card, and GitHub’s Turbo navigation', async () => {
    expect(session.version).toMatch(new RegExp(`^firefox/${major}\\.`));
    const page = session.page;
    await page.goto('https://github.com/spacejam');
    await cardShows(session, page, 'Tyler Neely');
    await followLink(page, '/denizalti');
    await cardShows(session, page, 'Deniz Altınbüken');
    expect(await cardText(session, page)).not.toContain('Tyler');
  });

  it('shows the card on LinkedIn, and the page navigates without a reload', async () => {
    const page = session.page;
    await page.goto('https://www.linkedin.com/in/denizalti/');
    await cardShows(session, page, 'Deniz Altınbüken');
    await followLink(page, '/in/patmesh-s/');
  });

  // Issue 17, bug 6: before the Navigation API (Firefox ~147) the content
  // script missed LinkedIn's pushState, and the old person's card stayed
  // (this test failed on ESR 140 until navigation.ts polled the URL there).
  // Continues from the test above (same tab, now at /in/patmesh-s/).
  it('follows LinkedIn’s history navigation to the next person, and off', async () => {
    const page = session.page;
    await cardShows(session, page, 'Patmesh S');
    expect(await cardText(session, page)).not.toContain('Deniz');
    await followLink(page, '/company/google/');
    await cardGone(session, page);
  });

  it('made no request beyond the fixtures', () => {
    expect(session.requests).toContain('https://github.com/spacejam');
    expect(strayRequests(session)).toEqual([]);
  });
});
