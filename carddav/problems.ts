/**
 * What went wrong with an address book, in one sentence in the user's
 * language, naming the server: every failed request becomes a CardDavProblem
 * that the refresh keeps in the book's record (the last good copy stays)
 * and the options page shows.
 */
import { formatBytes } from '../i18n/format';
import { t } from '../i18n/t';
import { type DavAnswer, MAX_ANSWER_BYTES } from './http';
import { type Multistatus, readMultistatus } from './multistatus';

export class CardDavProblem extends Error {
  /** No answer at all (the network): worth trying again soon. */
  readonly transient: boolean;
  constructor(message: string, transient = false) {
    super(message);
    this.transient = transient;
  }
}

const host = (origin: string) => new URL(origin).host;

/** Why a request got no usable answer (anything but `answer`). */
export function failure(answer: Exclude<DavAnswer, { kind: 'answer' }>, origin: string) {
  switch (answer.kind) {
    case 'timeout':
      return new CardDavProblem(t('cdav_timeout', host(origin)), true);
    case 'too-big':
      return new CardDavProblem(t('cdav_too_big', host(origin), formatBytes(MAX_ANSWER_BYTES, 0)));
    case 'stopped':
      return new CardDavProblem(t('cdav_stopped'));
    case 'elsewhere':
      return new CardDavProblem(t('cdav_elsewhere', host(origin), answer.to));
    case 'redirect':
      return new CardDavProblem(t('cdav_redirect', host(origin)));
    case 'unreachable':
      // The browser's own reason ("Failed to fetch") is English whatever the user reads: not shown.
      return new CardDavProblem(t('cdav_unreachable', host(origin), t('dirf_network_error')), true);
  }
}

/** Why a status is not the one wanted. */
export function statusProblem(status: number, origin: string): CardDavProblem {
  if (status === 401) return new CardDavProblem(t('cdav_401', host(origin)));
  if (status === 403) return new CardDavProblem(t('cdav_403', host(origin)));
  if (status === 507) return new CardDavProblem(t('cdav_507', host(origin)));
  if (status >= 500)
    return new CardDavProblem(t('cdav_status_server', host(origin), String(status)), true);
  return new CardDavProblem(t('cdav_status', host(origin), String(status)));
}

/** A 207 multistatus, read; anything else thrown as a problem. */
export function multistatusOf(answer: DavAnswer, origin: string): Multistatus {
  if (answer.kind !== 'answer') throw failure(answer, origin);
  if (answer.status !== 207) throw statusProblem(answer.status, origin);
  try {
    return readMultistatus(answer.text, answer.url);
  } catch (error) {
    throw new CardDavProblem(t('cdav_not_dav', host(origin), (error as Error).message));
  }
}
