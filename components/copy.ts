/**
 * Clipboard and download helpers for the card's buttons. Each returns a
 * sentence for the card's live region, so a screen-reader user hears what
 * happened, including why it could not happen.
 *
 * `navigator.clipboard.writeText` needs a user gesture and a focused document
 * (https://developer.mozilla.org/en-US/docs/Web/API/Clipboard/writeText). In
 * extension pages, when it is refused, `execCommand('copy')` on a temporary
 * textarea still works. Never inside a web page (the card's closed shadow
 * root): that fires a `copy` event the page hears, with our text selected
 * (`getSelection()` returns it) and the clipboard data writable, and a page
 * can make `writeText` fail on purpose with its own Permissions-Policy. There
 * the user is told to copy from the toolbar popup, an extension page.
 */
export type CopyResult = { ok: true; message: string } | { ok: false; message: string };

function copyWithSelection(text: string, host: Node): boolean {
  if (host instanceof ShadowRoot) return false;
  const parent = host instanceof Element ? host : document.body;
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.style.cssText = 'position:fixed;top:0;left:0;width:1px;height:1px;opacity:0;';
  parent.appendChild(area);
  area.select();
  try {
    return document.execCommand('copy');
  } catch {
    return false;
  } finally {
    area.remove();
  }
}

export async function copyText(text: string, what: string, host: Node): Promise<CopyResult> {
  try {
    await navigator.clipboard.writeText(text);
    return { ok: true, message: `Copied ${what}` };
  } catch (error) {
    if (copyWithSelection(text, host)) return { ok: true, message: `Copied ${what}` };
    const reason =
      error instanceof Error && error.name === 'NotAllowedError'
        ? 'the browser did not allow clipboard access here'
        : 'the clipboard is not available';
    const instead =
      host instanceof ShadowRoot
        ? 'Copy it from the toolbar popup.'
        : 'Select the text and copy it by hand.';
    return { ok: false, message: `Could not copy ${what}: ${reason}. ${instead}` };
  }
}

export function downloadText(fileName: string, text: string, type: string): CopyResult {
  try {
    const url = URL.createObjectURL(new Blob([text], { type }));
    const link = document.createElement('a');
    link.href = url;
    link.download = fileName;
    link.rel = 'noopener';
    link.click();
    // Revoke after the download has started; the click is synchronous.
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
    return { ok: true, message: `Downloaded ${fileName}` };
  } catch {
    return { ok: false, message: `Could not download ${fileName}: the browser refused the file.` };
  }
}
