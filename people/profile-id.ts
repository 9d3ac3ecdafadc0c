/**
 * A profile's id as ./schema.ts checks it, in a module of its own: the
 * background checks an id in a message (messaging/schemas.ts) without
 * building the whole profile schema at its start (the first lookup after
 * the service worker woke waits for that start).
 */
import { z } from 'zod';
import { t } from '../i18n/t.ts';
import { lazy } from './lazy-schema';
import { LIMITS } from './limits';

/** What an id is: lower-case letters, digits and hyphens, not starting with a hyphen. */
export const PROFILE_ID = /^[a-z0-9][a-z0-9-]{0,63}$/;

const ID_MESSAGE = () => t('v_id');
/** The length check first, with `abort`: a 1 MB id costs one comparison, not a regex. */
export const profileId = lazy(() =>
  z
    .string()
    .max(LIMITS.id, { error: ID_MESSAGE, abort: true })
    .regex(PROFILE_ID, { error: ID_MESSAGE }),
);
