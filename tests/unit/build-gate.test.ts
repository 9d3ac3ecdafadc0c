/**
 * "An invalid file fails the build with the file name and the field path":
 * a real Vite build of a bundled-profiles module with one bad file.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'vite';
import { validateProfilesPlugin } from '../../build/vite-plugin-validate-profiles';

describe('build-time validation of bundled profiles', () => {
  let root: string;
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'profile-card-build-'));
    mkdirSync(join(root, 'data/profiles'), { recursive: true });
    writeFileSync(
      join(root, 'entry.js'),
      "export default import.meta.glob('./data/profiles/*.json', { eager: true });\n",
    );
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  const buildIt = () =>
    build({
      root,
      logLevel: 'silent',
      configFile: false,
      plugins: [validateProfilesPlugin(root)],
      build: { write: false, lib: { entry: join(root, 'entry.js'), formats: ['es'] } },
    });

  const good = readFileSync(
    join(import.meta.dirname, '../../data/profiles/deniz-altinbuken.json'),
    'utf8',
  );

  it('passes valid files through as the schema output', async () => {
    writeFileSync(join(root, 'data/profiles/deniz-altinbuken.json'), good);
    const output = await buildIt();
    const code = JSON.stringify(output);
    expect(code).toContain('Deniz Altınbüken');
    expect(code).not.toContain('profile.schema.json');
  });

  it('fails with the file name and the field path', async () => {
    const bad = JSON.parse(good);
    bad.contact.email = 'hello at example';
    bad.projects[1].url = 'javascript:alert(1)';
    writeFileSync(join(root, 'data/profiles/deniz-altinbuken.json'), JSON.stringify(bad));
    const error = await buildIt().then(
      () => undefined,
      (reason: Error) => reason.message,
    );
    expect(error).toContain('data/profiles/deniz-altinbuken.json: Email is not an email');
    expect(error).toContain(
      'data/profiles/deniz-altinbuken.json: Project 2 URL must be an http(s) URL',
    );
  });

  it('fails on broken JSON and on an id that does not match the file', async () => {
    writeFileSync(join(root, 'data/profiles/broken.json'), '{ "id": ');
    await expect(buildIt()).rejects.toThrow(/data\/profiles\/broken\.json: is not valid JSON/);
    rmSync(join(root, 'data/profiles/broken.json'));
    writeFileSync(join(root, 'data/profiles/someone-else.json'), good);
    await expect(buildIt()).rejects.toThrow(
      /someone-else\.json: id "deniz-altinbuken" must match the file name/,
    );
  });
});
