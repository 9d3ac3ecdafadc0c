/**
 * The storage.local key saying whether sync is on in this browser, apart
 * from ./engine.ts so that the background's start can watch it without
 * loading the engine (entrypoints/background/later.ts).
 */
export const SYNC_ON_KEY = 'sync.on';
