/**
 * The edit form (issue 17, bug 11): LinkedIn ids with a comma were split
 * without a word; errors used field keys ("bio must …") and marked no field;
 * the user had to invent an "Id". Rendered here with happy-dom and checked
 * the way assistive technology reads it: names, aria-invalid,
 * aria-describedby, focus.
 */
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { ProfileForm } from '../../components/options/ProfileForm';
import { previewImport } from '../../formats/import';
import { bundledProfiles } from '../../people/bundled';
import type { Profile } from '../../people/schema';
import type { Issue } from '../../people/validate';
import { person } from './fixtures';

/** What the options page passes: the importer's verdict, by field. */
const checkAgainst =
  (existing: Profile[]) =>
  (entry: unknown): Issue[] => {
    const result = previewImport('form', JSON.stringify(entry), {
      existing,
      bundled: bundledProfiles,
    });
    if (!result.ok) return [{ path: [], message: result.error }];
    return result.preview.rejected.flatMap((rejected) => rejected.issues);
  };

async function mount({ profile, existing = [] }: { profile?: Profile; existing?: Profile[] } = {}) {
  const root = document.createElement('div');
  document.body.append(root);
  const saved: Record<string, unknown>[] = [];
  const taken = new Set([...existing, ...bundledProfiles].map((p) => p.id));
  await act(() => {
    render(
      <ProfileForm
        profile={profile}
        takenIds={taken}
        check={checkAgainst(existing)}
        onSave={async (entry) => {
          saved.push(entry as Record<string, unknown>);
        }}
        onCancel={() => {}}
      />,
      root,
    );
  });
  const byLabel = (text: string) => {
    const label = [...root.querySelectorAll('label')].find(
      (candidate) => candidate.textContent?.trim() === text,
    );
    const control = label?.htmlFor
      ? root.querySelector<HTMLInputElement>(`#${label.htmlFor}`)
      : label?.querySelector<HTMLInputElement>('input, textarea');
    if (!control) throw new Error(`no field labelled ${text}`);
    return control;
  };
  const type = async (text: string, value: string) => {
    const control = byLabel(text);
    await act(() => {
      control.value = value;
      control.dispatchEvent(new Event('input', { bubbles: true }));
    });
  };
  const submit = async () => {
    await act(() => {
      root.querySelector('form')?.dispatchEvent(new Event('submit', { cancelable: true }));
    });
    await act(() => new Promise<void>((resolve) => requestAnimationFrame(() => resolve())));
  };
  /** The text aria-describedby points at, as a screen reader reads it after the name. */
  const description = (control: Element) =>
    (control.getAttribute('aria-describedby') ?? '')
      .split(' ')
      .filter(Boolean)
      .map((id) => root.querySelector(`#${id}`)?.textContent ?? `(missing #${id})`)
      .join(' ');
  const summary = () => root.querySelector('[role="alert"]')?.textContent ?? '';
  return { root, saved, byLabel, type, submit, description, summary };
}

afterEach(() => {
  document.body.replaceChildren();
});

describe('LinkedIn ids in the form', () => {
  it('does not split an id at a comma: it says so, marks the field, and saves nothing', async () => {
    const form = await mount();
    await form.type('Name', 'Ada Lovelace');
    await form.type('LinkedIn profiles', 'ada-lovelace,grace-hopper');
    await form.submit();
    expect(form.saved).toEqual([]);
    const field = form.byLabel('LinkedIn profiles');
    expect(field.getAttribute('aria-invalid')).toBe('true');
    expect(form.description(field)).toContain(
      'LinkedIn profiles, line 1: "ada-lovelace,grace-hopper" looks like more than one id',
    );
    expect(document.activeElement).toBe(field);
  });

  it('positive control: a pasted URL with a comma is one id, and lines are separate ids', async () => {
    const form = await mount();
    await form.type('Name', 'John Doe');
    await form.type(
      'LinkedIn profiles',
      'https://www.linkedin.com/in/doe,-john/\nlinkedin.com/in/jd-2\njohn-doe',
    );
    await form.type('GitHub logins', 'jdoe, https://github.com/JohnD\nj-d');
    await form.submit();
    expect(form.summary()).toBe('');
    expect(form.saved[0]?.identities).toEqual({
      github: ['jdoe', 'JohnD', 'j-d'],
      linkedin: ['doe,-john', 'jd-2', 'john-doe'],
    });
  });
});

describe('problems in the form', () => {
  it('name the field by its label, mark it, link the message, and focus it', async () => {
    const form = await mount();
    await form.type('Email (optional)', 'not an email');
    await form.type('Short bio (optional)', 'Hi <b>there</b>');
    await form.submit();
    expect(form.saved).toEqual([]);
    expect(form.summary()).toContain('Name must not be empty');
    expect(form.summary()).toContain('Email is not an email');
    expect(form.summary()).toContain('Short bio must not contain HTML markup: "<b>"');
    // Every sentence starts with a label, none with a field key ("bio must …").
    const items = [...form.root.querySelectorAll('[role="alert"] li')].map((li) => li.textContent);
    expect(items).toHaveLength(3);
    for (const item of items) expect(item).toMatch(/^(Name|Email|Short bio) /);
    for (const [label, text] of [
      ['Name', 'Name must not be empty.'],
      ['Email (optional)', 'Email is not an email.'],
      ['Short bio (optional)', 'Short bio must not contain HTML markup: "<b>".'],
    ]) {
      const field = form.byLabel(label as string);
      expect(field.getAttribute('aria-invalid'), label).toBe('true');
      expect(form.description(field), label).toContain(text);
    }
    expect(form.byLabel('Location (optional)').getAttribute('aria-invalid')).toBeNull();
    expect(document.activeElement).toBe(form.byLabel('Name'));
  });

  it('in project rows and identities, with the row and the handle', async () => {
    const form = await mount();
    await form.type('Name', 'Grace Hopper');
    await form.type('GitHub logins', 'https://github.com/SpaceJam');
    await act(() => {
      [...form.root.querySelectorAll('button')]
        .find((button) => button.textContent === 'Add a project')
        ?.click();
    });
    const url = form.root.querySelector<HTMLInputElement>(
      '#pc-f-projects-0-url',
    ) as HTMLInputElement;
    await act(() => {
      url.value = 'javascript:alert(1)';
      url.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await form.type('Name', 'Grace Hopper');
    await form.submit();
    // Schema problems first; the identity claim is checked once the profile is valid.
    expect(form.summary()).toContain('Project 1 name must not be empty');
    expect(form.summary()).toContain('Project 1 URL must be an http(s) URL');
    expect(url.getAttribute('aria-invalid')).toBe('true');
    expect(form.description(url)).toContain('Project 1 URL must be an http(s) URL.');
    await act(() => {
      url.value = '';
      url.dispatchEvent(new Event('input', { bubbles: true }));
    });
    const name = form.root.querySelector<HTMLInputElement>(
      '#pc-f-projects-0-name',
    ) as HTMLInputElement;
    await act(() => {
      name.value = 'COBOL';
      name.dispatchEvent(new Event('input', { bubbles: true }));
    });
    const line = form.root.querySelector<HTMLInputElement>(
      '#pc-f-projects-0-description',
    ) as HTMLInputElement;
    await act(() => {
      line.value = 'A language';
      line.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await form.submit();
    expect(form.summary()).toContain(
      'GitHub login "SpaceJam" is already Tyler Neely\'s (tyler-neely)',
    );
    expect(form.byLabel('GitHub logins').getAttribute('aria-invalid')).toBe('true');
    expect(form.saved).toEqual([]);
  });
});

describe('ids', () => {
  it('are made from the name, unique, and kept under a closed "Advanced"', async () => {
    const form = await mount({ existing: [person('ada-lovelace', { name: 'Someone Else' })] });
    await form.type('Name', 'Ada Lovelace');
    const advanced = form.root.querySelector('details') as HTMLDetailsElement;
    expect(advanced.querySelector('summary')?.textContent).toBe('Advanced');
    expect(advanced.open).toBe(false);
    expect(form.byLabel('Id').value).toBe('ada-lovelace-2');
    await form.submit();
    expect(form.saved.map((entry) => entry.id)).toEqual(['ada-lovelace-2']);
  });

  it('may be chosen when adding, never one in use, and stay fixed when editing', async () => {
    const form = await mount({ existing: [person('taken')] });
    await form.type('Name', 'Ada Lovelace');
    await form.type('Id', 'taken');
    await form.submit();
    expect(form.saved).toEqual([]);
    const id = form.byLabel('Id');
    expect(id.getAttribute('aria-invalid')).toBe('true');
    expect(form.description(id)).toContain('Id "taken" is already someone else\'s');
    expect((form.root.querySelector('details') as HTMLDetailsElement).open).toBe(true);
    await form.type('Id', 'ada-l');
    await form.submit();
    expect(form.saved.map((entry) => entry.id)).toEqual(['ada-l']);

    const kept = person('kept', { name: 'Kept Person' });
    const edit = await mount({ profile: kept, existing: [kept] });
    expect(edit.byLabel('Id').readOnly).toBe(true);
    expect(edit.byLabel('Id').value).toBe('kept');
    await edit.type('Name', 'Renamed Person');
    await edit.submit();
    expect(edit.saved.map((entry) => entry.id)).toEqual(['kept']);
  });
});
