/**
 * Issue 28: the service worker's, the popup's and the options page's own
 * modules build no zod schema when they load; a schema is built when
 * something first validates with it (people/lazy-schema.ts). Building them
 * at load was about a third of the worker's start, which the first lookup
 * after it woke waits for (bench/cold-lookup.ts).
 *
 * zod itself is real: every factory on `z` (`z.string()`, `z.strictObject()`,
 * …) is passed through, and counted when what it returns is a schema.
 */
import 'fake-indexeddb/auto';

const made = vi.hoisted(() => ({ schemas: 0 }));

vi.mock('zod', async (importOriginal) => {
  const real: { z: Record<string, unknown> & { ZodType: abstract new () => unknown } } =
    await importOriginal();
  const counted =
    (factory: (...args: unknown[]) => unknown) =>
    (...args: unknown[]) => {
      const result = factory(...args);
      if (result instanceof real.z.ZodType) made.schemas++;
      return result;
    };
  // Factories are lower case (`string`, `strictObject`); classes (`ZodType`,
  // read by `instanceof`) and values stay as they are.
  const z = Object.fromEntries(
    Object.entries(real.z).map(([name, value]) => [
      name,
      typeof value === 'function' && /^[a-z]/.test(name)
        ? counted(value as (...args: unknown[]) => unknown)
        : value,
    ]),
  );
  return { ...real, z, default: z };
});

const validProfile = {
  id: 'ada',
  name: 'Ada Lovelace',
  identities: { github: ['ada'], linkedin: [] },
};

describe('zod schemas are built on first use, not when modules load', () => {
  it('the service worker builds none as it loads and starts', async () => {
    const { default: background } = await import('../../entrypoints/background/index');
    background.main();
    expect(made.schemas).toBe(0);
  });

  it('the popup and the options page build none as their modules load', async () => {
    await import('../../components/popup/Popup');
    await import('../../components/options/Options');
    await import('../../jobs/roster');
    await import('../../store/people-rows');
    await import('../../store/db');
    await import('../../store/migrate');
    await import('../../settings/items');
    await import('../../sync/items');
    await import('../../messaging/schemas');
    await import('../../formats/json-resume');
    await import('../../people/quick-check');
    expect(made.schemas).toBe(0);
  });

  it('validating builds them, once (positive control)', async () => {
    const { validateProfile } = await import('../../people/validate');
    const { profileSchema } = await import('../../people/schema');
    expect(validateProfile(validProfile).ok).toBe(true);
    const afterFirst = made.schemas;
    expect(afterFirst).toBeGreaterThan(10);
    expect(validateProfile({ ...validProfile, name: '' }).ok).toBe(false);
    expect(profileSchema()).toBe(profileSchema());
    expect(made.schemas).toBe(afterFirst);

    const { settingsFrom } = await import('../../settings/items');
    settingsFrom({ 'setting.hoverDelayMs': 300 });
    expect(made.schemas).toBeGreaterThan(afterFirst);
  });
});
