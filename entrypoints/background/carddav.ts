/**
 * Address books in the background (carddav/service.ts does the work): the
 * host-permission checks and the "about daily" refresh — due books are
 * refreshed a few seconds after the background starts (./later.ts: a
 * lookup that woke it is answered first) and when the options page asks
 * for the list. The service and its formats are loaded on first use. Every
 * failure is kept in the book's record for the options page; nothing here
 * throws into the background.
 */
import type { HandlerDeps } from '../../messaging/handler';
import { hostAccess } from './host-access';
import { lazy, refreshDueLater } from './later';

export function startCardDav(): NonNullable<HandlerDeps['carddav']> {
  const service = lazy(async () =>
    (await import('../../carddav/service')).createCardDav({
      ...hostAccess,
      now: () => Date.now(),
    }),
  );
  const refreshDue = refreshDueLater(service, (error) =>
    console.error('Profile Card: refreshing address books failed', error),
  );
  return {
    refreshDue,
    list: async () => (await service()).list(),
    refresh: async (id) => (await service()).refresh(id),
    link: async (id, person, card) => (await service()).link(id, person, card),
    contacts: async (query) => (await service()).contacts(query),
    findBooks: async (server, user, password) =>
      (await service()).findBooks(server, user, password),
    add: async (server, user, password, books) =>
      (await service()).add(server, user, password, books),
    setWriteBack: async (id, on) => (await service()).setWriteBack(id, on),
    disconnect: async (id) => (await service()).disconnect(id),
    writePerson: async (profile) => (await service()).writePerson(profile),
    writeKept: async (id) => (await service()).writeKept(id),
  };
}
