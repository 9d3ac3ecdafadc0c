/**
 * The privacy promise, worded once: the options page shows it, and the
 * README says the same. Its one exception is directories/fetch.ts.
 */
export const PRIVACY_PROMISE =
  'No network requests, except fetching the directories you subscribed to, from the address you gave.';
