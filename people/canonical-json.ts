/**
 * A value as JSON whose text does not depend on key order, so two copies of
 * a person (or a note) compare equal by text: notes (./notes.ts) and sync's
 * versions (sync/entry.ts) both compare this way.
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) =>
    inner && typeof inner === 'object' && !Array.isArray(inner)
      ? Object.fromEntries(
          Object.entries(inner as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1)),
        )
      : inner,
  );
}
