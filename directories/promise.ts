/**
 * The privacy promise, worded once (public/_locales, `privacy_promise`):
 * the options page shows it, and docs/design.md#privacy says the same. Its one
 * exception is directories/fetch.ts.
 */
import { t } from '../i18n/t';

export const privacyPromise = () => t('privacy_promise');
