// `npm run setup`'s last step: the browser tests drive Debian's Chromium and
// Firefox ESR, which npm does not install; say in one line how to get any
// that is missing (the same paths and overrides as tests/browser/harness.ts
// and tests/firefox/harness.ts). Never fails the setup: the build is done.
import { existsSync } from 'node:fs';

const browsers = [
  { name: 'Chromium', env: 'CHROMIUM_PATH', path: '/usr/bin/chromium', apt: 'chromium' },
  { name: 'Firefox ESR', env: 'FIREFOX_PATH', path: '/usr/bin/firefox-esr', apt: 'firefox-esr' },
].map((browser) => ({ ...browser, path: process.env[browser.env] ?? browser.path }));

const missing = browsers.filter((browser) => !existsSync(browser.path));
const list = (key, joiner = ' and ') => missing.map((browser) => browser[key]).join(joiner);
console.log(
  missing.length === 0
    ? `Browsers for the tests: ${browsers.map((b) => `${b.name} (${b.path})`).join(', ')}.`
    : `The tests also need ${list('name')}: sudo apt-get install ${list('apt', ' ')} (Debian, Ubuntu), or point ${list('env')} at one.`,
);
