/**
 * The three bundled people: every file valid, and the facts the extension
 * matches on exactly as ../shared/seeds/README.md gives them.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkBundledProfile } from '../../build/vite-plugin-validate-profiles';
import { projectUrl } from '../../contact/links';
import { bundledProfiles } from '../../people/bundled';
import { buildDirectory } from '../../people/directory';

const dir = join(import.meta.dirname, '../../data/profiles');
const files = readdirSync(dir).filter((file) => file.endsWith('.json'));

describe('bundled profiles', () => {
  it.each(files)('%s validates', (file) => {
    const result = checkBundledProfile(
      `data/profiles/${file}`,
      readFileSync(join(dir, file), 'utf8'),
    );
    expect(result.ok ? [] : result.errors).toEqual([]);
  });

  it('are the three people, in id order, as the build bundles them', () => {
    expect(bundledProfiles.map((profile) => profile.id)).toEqual([
      'deniz-altinbuken',
      'patmesh',
      'tyler-neely',
    ]);
    for (const profile of bundledProfiles) expect(profile).not.toHaveProperty('$schema');
  });

  const byId = (id: string) => {
    const profile = bundledProfiles.find((candidate) => candidate.id === id);
    if (!profile) throw new Error(`no bundled profile ${id}`);
    return profile;
  };

  it.each([
    ['patmesh', 'Patmesh S', ['PATMESH'], ['patmesh-s'], 'https://patmesh.netlify.app', undefined],
    ['tyler-neely', 'Tyler Neely', ['spacejam'], [], 'https://tylerneely.com', undefined],
    [
      'deniz-altinbuken',
      'Deniz Altınbüken',
      ['denizalti'],
      ['denizalti'],
      'https://denizaltinbuken.com',
      'hello@denizaltinbuken.com',
    ],
  ])(
    '%s carries the identity facts from the seeds',
    (id, name, github, linkedin, website, email) => {
      const profile = byId(id);
      expect(profile.name).toBe(name);
      expect(profile.identities).toEqual({ github, linkedin });
      expect(profile.contact.website).toBe(website);
      expect(profile.contact.email).toBe(email);
    },
  );

  it('link the projects the seeds README names', () => {
    const repos = (id: string) => byId(id).projects.map((project) => project.repo ?? project.name);
    expect(repos('patmesh')).toEqual(['PATMESH/kairos-scheduler', 'PATMESH/social-feed-system']);
    expect(repos('tyler-neely')).toEqual([
      'tumblr/jetpants',
      'mesosphere-backup/minuteman',
      'void-rs/void',
      'spacejam/sled',
      'spacejam/rasputin',
      'spacejam/tla-rust',
      'rust-crdt/rust-crdt',
      'rust-rocksdb/rust-rocksdb',
      'tikv/tikv',
      'mesosphere-backup/etcd-mesos',
      'etcd-io/etcd',
      'cockroachdb/cockroach',
      'serverless/event-gateway',
      'spacejam/loghisto',
      'spacejam/historian',
    ]);
    const deniz = byId('deniz-altinbuken').projects;
    expect(deniz.map((project) => [project.name, projectUrl(project)])).toEqual([
      ['Paxos Made Moderately Complex', 'http://paxos.systems/'],
      ['OpenReplica', 'https://github.com/denizalti/openreplica'],
      ['Chain Replication', undefined],
      ['Transformations', undefined],
    ]);
  });

  it('have headlines that say something their bios do not open with', () => {
    // Tyler Neely's headline was his bio's first sentence, so his card said it twice.
    const opening = (text: string) =>
      text
        .toLowerCase()
        .replace(/[^\p{L}\p{N}]+/gu, ' ')
        .trim()
        .split(' ')
        .slice(0, 6)
        .join(' ');
    for (const profile of bundledProfiles) {
      const { headline = '', bio = '' } = profile;
      expect(headline, profile.id).not.toBe('');
      expect(opening(bio).startsWith(opening(headline)), profile.id).toBe(false);
    }
    // Positive control: the old headline would have been caught.
    const old = "I've built and operated a variety of stateful distributed systems";
    const tyler = bundledProfiles.find((profile) => profile.id === 'tyler-neely');
    expect(opening(tyler?.bio ?? '').startsWith(opening(old))).toBe(true);
  });

  it('claim no identity twice', () => {
    expect(buildDirectory({ bundled: bundledProfiles }).conflicts).toEqual([]);
  });

  it('carry no markup or template placeholders from the source texts', () => {
    const text = JSON.stringify(bundledProfiles);
    expect(text).not.toMatch(/<font|\{\{ *site|site\.(address|baseurl)|layout:/);
  });
});
