/**
 * What the address-book section asks of the background (entrypoints/options/main.tsx
 * gives it): CardDavPanel.tsx, CardDavBook.tsx, LinkContact.tsx and ClashesSection.tsx
 * use it; CardDavPanel re-exports it.
 */
import type { BookView, Connected, ContactMatch } from '../../carddav/service';

export interface CardDavApi {
  list(): Promise<BookView[]>;
  /** Asks for the server's host permission at once (the user's click), then discovers. */
  find(server: string, user: string, password: string): Promise<Connected>;
  add(
    server: string,
    user: string,
    password: string,
    books: { url: string; name: string; writable: boolean }[],
  ): Promise<{ ok: true; books: BookView[] } | { ok: false; error: string }>;
  refresh(id: string): Promise<BookView | null>;
  setWriteBack(id: string, on: boolean): Promise<BookView | null>;
  disconnect(id: string): Promise<boolean>;
  /** Links a kept person to a contact of the book, or unlinks them (`card` null). */
  link(
    id: string,
    person: string,
    card: string | null,
  ): Promise<{ ok: true; book: BookView } | { ok: false; error: string }>;
  /** Contacts of the connected books by name, to link one to a kept person (LinkContact.tsx). */
  contacts(query: string): Promise<ContactMatch[]>;
}
