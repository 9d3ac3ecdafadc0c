/**
 * In the page, text is painted from attributes (entrypoints/card-ui/
 * unfindable-text.ts), so `dir="auto"` has no text to look at: the hook
 * writes the direction out. Without the hook (the popup), `dir="auto"` stays
 * for the browser to decide.
 */
import { render } from 'preact';
import { paintTextFromAttributes } from '../../entrypoints/card-ui/unfindable-text';

describe('direction of painted text', () => {
  it('is left to the browser where text stays text', () => {
    const root = document.createElement('div');
    render(<p dir="auto">نور الهدى</p>, root);
    expect(root.querySelector('p')?.getAttribute('dir')).toBe('auto');
  });

  it('is written out where text becomes attributes', () => {
    paintTextFromAttributes();
    const root = document.createElement('div');
    render(
      <div>
        <p dir="auto">نور الهدى</p>
        <p dir="auto">Deniz Altınbüken</p>
        <bdi>מאגר</bdi>
        <p>plain</p>
      </div>,
      root,
    );
    const [arabic, latin, plain] = root.querySelectorAll('p');
    expect(arabic?.getAttribute('dir')).toBe('rtl');
    expect(latin?.getAttribute('dir')).toBe('ltr');
    expect(root.querySelector('bdi')?.getAttribute('dir')).toBe('rtl');
    expect(plain?.hasAttribute('dir')).toBe(false);
    expect(arabic?.textContent).toBe('');
    expect(arabic?.querySelector('[data-text]')?.getAttribute('data-text')).toBe('نور الهدى');
  });
});
