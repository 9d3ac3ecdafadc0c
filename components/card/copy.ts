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
import { t } from '../../i18n/t';

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

/** What is copied: each has its own sentences, so every language can say it its own way. */
export type CopyWhat = 'email' | 'text' | 'vcard';

export async function copyText(text: string, what: CopyWhat, host: Node): Promise<CopyResult> {
  try {
    await navigator.clipboard.writeText(text);
    return { ok: true, message: t(`copied_${what}`) };
  } catch (error) {
    if (copyWithSelection(text, host)) return { ok: true, message: t(`copied_${what}`) };
    const reason =
      error instanceof Error && error.name === 'NotAllowedError'
        ? t('copy_reason_not_allowed')
        : t('copy_reason_unavailable');
    const instead =
      host instanceof ShadowRoot ? t('copy_instead_popup') : t('copy_instead_by_hand');
    return { ok: false, message: t(`copy_failed_${what}`, reason, instead) };
  }
}

/** Hands `content` to the browser as a download; a Blob (made in a worker) is not copied. */
export function downloadText(fileName: string, content: string | Blob, type: string): CopyResult {
  try {
    const url = URL.createObjectURL(
      content instanceof Blob && content.type === type ? content : new Blob([content], { type }),
    );
    const link = document.createElement('a');
    link.href = url;
    link.download = fileName;
    link.rel = 'noopener';
    link.click();
    // Revoke after the download has started; the click is synchronous.
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
    return { ok: true, message: t('downloaded', fileName) };
  } catch {
    return { ok: false, message: t('download_failed', fileName) };
  }
}
