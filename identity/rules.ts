/**
 * The shapes of handles, written once and shared by URL parsing (identity/)
 * and validation (people/schema.ts). Facts: docs/pages.md.
 *
 * - GitHub logins: `[A-Za-z0-9_-]{1,39}`. Signup forbids leading, trailing
 *   and double hyphens, but older accounts break those rules and
 *   enterprise-managed users add `_shortcode`, so detection accepts the lot.
 * - GitHub repositories: `owner/name`, the name up to 100 of `[A-Za-z0-9._-]`.
 * - LinkedIn member ids (`ACoAA…`): opaque, case-sensitive.
 */
export const GITHUB_LOGIN = /^[A-Za-z0-9_-]{1,39}$/;
export const GITHUB_REPO = /^[A-Za-z0-9_-]{1,39}\/[A-Za-z0-9._-]{1,100}$/;
export const LINKEDIN_MEMBER_ID = /^ACoAA[A-Za-z0-9_-]{10,}$/;
