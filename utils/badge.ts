/**
 * The toolbar icon's badge: the initials and name of the person the tab
 * shows, or nothing. Computed by the background from the tab's URL, which it
 * sees only for github.com and linkedin.com (host permissions), never through
 * the `tabs` permission.
 */
import type { Profile } from '../data/schema';
import { initials } from './initials';

export interface Badge {
  text: string;
  title: string;
}

export const NO_BADGE: Badge = { text: '', title: 'Profile Card' };

export function badgeFor(profile: Profile | undefined): Badge {
  if (!profile) return NO_BADGE;
  return { text: initials(profile.name), title: `Profile Card: ${profile.name}` };
}
