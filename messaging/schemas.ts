/**
 * zod schemas for messages arriving at the background: the one place where a
 * content script (a page's renderer) hands us data. Anything that does not
 * match is refused before it reaches the handler.
 *
 * Built when first needed, not when the background starts: the first
 * lookup after the service worker woke waits for its start, and building
 * every message's schema there cost more than the rest of the start
 * (bench/cold-lookup.ts). A lookup, the message pages send, is checked
 * against its own schema, the same object the union holds for it.
 */
import { z } from 'zod';
import { lazy } from '../people/lazy-schema';
import { profileId } from '../people/profile-id';
import type { Message } from './messages';

/** The lookup's schema alone. */
const lookupSchema = lazy(() =>
  z.strictObject({
    type: z.literal('lookup'),
    key: z
      .string()
      .max(200)
      .regex(/^(github|linkedin):[^\s]+$/) as z.ZodType<`github:${string}` | `linkedin:${string}`>,
    ui: z.boolean().optional(),
  }),
);

/** Is it a lookup by its discriminator (the union would pick the lookup's schema too)? */
const isLookup = (raw: unknown) =>
  typeof raw === 'object' && raw !== null && (raw as { type?: unknown }).type === 'lookup';

/** The schema to check `raw` with: the lookup's for a lookup, else the union of all messages. */
export const schemaFor = (raw: unknown): z.ZodType<Message> =>
  isLookup(raw) ? lookupSchema() : messageSchema();

/** Every message the background answers, by `type`. */
export const messageSchema = lazy(
  (): z.ZodType<Message> =>
    z.discriminatedUnion('type', [
      lookupSchema(),
      z.strictObject({ type: z.literal('mount-ui') }),
      z.strictObject({
        type: z.literal('card-state'),
        profileId: z.string().max(64),
        state: z.enum(['expanded', 'collapsed', 'dismissed']),
      }),
      z.strictObject({ type: z.literal('list') }),
      z.strictObject({ type: z.literal('profile'), id: z.string().max(64) }),
      z.strictObject({ type: z.literal('note-open'), id: profileId() }),
      z.strictObject({ type: z.literal('directories') }),
      z.strictObject({
        type: z.literal('directory-subscribe'),
        url: z.string().max(2048),
        name: z.string().max(200),
      }),
      z.strictObject({ type: z.literal('directory-refresh'), id: z.string().max(64) }),
      z.strictObject({ type: z.literal('directory-unsubscribe'), id: z.string().max(64) }),
      z.strictObject({ type: z.literal('carddav-books') }),
      z.strictObject({
        type: z.literal('carddav-find'),
        server: z.string().max(2048),
        user: z.string().max(256),
        password: z.string().max(1024),
      }),
      z.strictObject({
        type: z.literal('carddav-add'),
        server: z.string().max(2048),
        user: z.string().max(256),
        password: z.string().max(1024),
        books: z
          .array(
            z.strictObject({
              url: z.string().max(2048),
              name: z.string().max(200),
              writable: z.boolean(),
            }),
          )
          .max(100),
      }),
      z.strictObject({ type: z.literal('carddav-refresh'), id: z.string().max(64) }),
      z.strictObject({
        type: z.literal('carddav-write-back'),
        id: z.string().max(64),
        on: z.boolean(),
      }),
      z.strictObject({ type: z.literal('carddav-disconnect'), id: z.string().max(64) }),
      z.strictObject({ type: z.literal('carddav-write'), id: z.string().max(64) }),
      z.strictObject({
        type: z.literal('carddav-link'),
        id: z.string().max(64),
        person: z.string().max(64),
        card: z.string().max(64).nullable(),
      }),
      z.strictObject({ type: z.literal('carddav-contacts'), query: z.string().max(200) }),
      z.strictObject({
        type: z.literal('import-watch'),
        basis: z.number().int().min(0),
        token: z.string().max(64).nullable(),
      }),
      z.strictObject({
        type: z.literal('sync'),
        action: z.enum(['status', 'on', 'off', 'now', 'erase']),
      }),
      z.strictObject({
        type: z.literal('sync-resolve'),
        id: z.string().max(64),
        stamp: z.string().max(64),
        action: z.enum(['restore', 'dismiss']),
      }),
    ]),
);
