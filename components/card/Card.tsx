/**
 * components/card/ — the card, wherever it is shown.
 *
 *   Card.tsx ─┬─ in the popup (components/popup/Popup.tsx)
 *             ├─ InPageCard.tsx  on the person's own page (entrypoints/card-ui/)
 *             └─ HoverCard.tsx   over a link to them
 *   PersonNote.tsx ─▶ NoteEditor.tsx  the user's own note, tags, last contacted
 *   copy.ts  "Copy text" / "Copy vCard" (contact/, formats/vcard.ts)
 *   card.css, notes.css  their look (in a shadow root in pages)
 *
 * The profile card: who this is, what they built, how to reach them, and
 * one-click copies. One component for the popup, the in-page card and the
 * hovercard; the surroundings pass in their own header controls.
 *
 * Text is rendered as text (Preact escapes it) and every link goes through
 * `safeHref`, so even a profile that slipped past validation cannot inject
 * markup or a `javascript:` URL.
 */
import type { ComponentChildren } from 'preact';
import { useRef, useState } from 'preact/hooks';
import { initials } from '../../contact/initials';
import { type ProfileLink, profileLinks, projectUrl } from '../../contact/links';
import { mailtoUrl } from '../../contact/mailto';
import { toPlainText } from '../../contact/plain-text';
import { toVCard, vcardFileName } from '../../formats/vcard';
import { t, tn } from '../../i18n/t';
import type { ShownProfile } from '../../people/precedence';
import { type CopyResult, copyText, downloadText } from './copy';
import { type NoteApi, PersonNote } from './PersonNote';

const VISIBLE_PROJECTS = 4;
const LONG_BIO = 160;

export function safeHref(url: string | undefined): string | undefined {
  return url && /^https?:\/\//i.test(url) ? url : undefined;
}

/** A stable hue per person, so avatars differ without any image. */
export function hue(id: string): number {
  let hash = 0;
  for (const char of id) hash = (hash * 31 + (char.codePointAt(0) ?? 0)) % 360;
  return hash;
}

function linkText(link: ProfileLink): string {
  try {
    const url = new URL(link.url);
    if (link.kind === 'github') return `@${url.pathname.split('/')[1] ?? ''}`;
    if (link.kind === 'linkedin')
      return decodeURIComponent(url.pathname.replace(/\/$/, '').slice(1));
    if (link.kind === 'website') return url.host + url.pathname.replace(/\/$/, '');
  } catch {
    // fall through to the label
  }
  return link.label;
}

/** The kind of link, in words; a link of the person's own keeps its own label. */
function linkKind(link: ProfileLink): string {
  return link.kind === 'website' ? t('card_link_website') : link.label;
}

export interface CardProps {
  /** A subscribed directory's person carries its name (`directory`): shown as a label. */
  profile: ShownProfile;
  /** Ids must be unique per document; the hovercard and in-page card coexist. */
  idPrefix: string;
  /** Controls for the card's corner (collapse, close, back). */
  controls?: ComponentChildren;
  /** 1 where the card is the whole page (the popup), 2 inside someone else's page. */
  headingLevel?: 1 | 2 | 3;
  /**
   * Element Timing name for the heading (https://w3c.github.io/element-timing/),
   * so the benchmark can read when the popup's card painted. Extension pages
   * only: never set inside web pages, where the page could observe it.
   */
  elementTiming?: string;
  /** Where the card can save the user's note about this person (./PersonNote.tsx). */
  note?: NoteApi;
}

export function Card({
  profile,
  idPrefix,
  controls,
  headingLevel = 2,
  elementTiming,
  note,
}: CardProps) {
  const [bioOpen, setBioOpen] = useState(false);
  const [allProjects, setAllProjects] = useState(false);
  const [status, setStatus] = useState<CopyResult | undefined>();
  const root = useRef<HTMLElement>(null);
  const Heading = (['h1', 'h2', 'h3'] as const)[headingLevel - 1] ?? 'h2';
  const SubHeading = (['h2', 'h3', 'h4'] as const)[headingLevel - 1] ?? 'h3';

  const links = profileLinks(profile);
  const email = profile.contact.email;
  const mailto = email ? mailtoUrl(email) : undefined;
  const projects = allProjects ? profile.projects : profile.projects.slice(0, VISIBLE_PROJECTS);
  const hiddenProjects = profile.projects.length - projects.length;
  const bio = profile.bio ?? '';
  const bioIsLong = bio.length > LONG_BIO || bio.includes('\n') || !!profile.highlights?.length;
  const nameId = `${idPrefix}-name`;
  const bioId = `${idPrefix}-bio`;

  const run = async (action: () => Promise<CopyResult> | CopyResult) => {
    setStatus(undefined); // so the same message is announced again
    setStatus(await action());
  };
  const host = () => root.current?.getRootNode() ?? document.body;

  return (
    <article class="pc-card" ref={root} aria-labelledby={nameId}>
      <header class="pc-head">
        <div class="pc-avatar" aria-hidden="true" style={{ '--pc-hue': String(hue(profile.id)) }}>
          {initials(profile.name)}
        </div>
        <div class="pc-who">
          <Heading
            class="pc-name"
            id={nameId}
            dir="auto"
            {...(elementTiming ? { elementtiming: elementTiming } : {})}
          >
            {profile.name}
          </Heading>
          {profile.headline && (
            <p class="pc-headline" dir="auto">
              {profile.headline}
            </p>
          )}
          {profile.location && (
            <p class="pc-location" dir="auto">
              {profile.location}
            </p>
          )}
          {profile.directory && (
            <p class="pc-source">{t('card_from_directory', profile.directory)}</p>
          )}
        </div>
        {controls && <div class="pc-controls">{controls}</div>}
      </header>

      <div class="pc-bio-wrap">
        {/* No bio (most imported address-book cards): nothing, or highlights behind "more". */}
        {bio && (
          <p id={bioId} class={bioOpen ? 'pc-bio' : 'pc-bio pc-clamp'} dir="auto">
            {bio}
          </p>
        )}
        {bioOpen && profile.highlights && (
          <ul class="pc-highlights">
            {profile.highlights.map((highlight, index) => (
              // Lists keep their order and may repeat a value: the position is the identity.
              <li key={index} dir="auto">
                {highlight}
              </li>
            ))}
          </ul>
        )}
        {bioIsLong && (
          <button
            type="button"
            class="pc-more"
            aria-expanded={bioOpen}
            aria-controls={bio ? bioId : undefined}
            onClick={() => setBioOpen(!bioOpen)}
          >
            {bioOpen ? t('card_less') : t('card_more')}
          </button>
        )}
      </div>

      <PersonNote
        id={profile.id}
        name={profile.name}
        mine={profile.mine}
        idPrefix={idPrefix}
        // A directory's person is not the user's to annotate.
        api={profile.directory ? undefined : note}
        card={root}
        level={(headingLevel + 1) as 2 | 3 | 4}
      />

      {profile.projects.length > 0 && (
        <section class="pc-section" aria-labelledby={`${idPrefix}-projects`}>
          <SubHeading class="pc-label" id={`${idPrefix}-projects`}>
            {t('card_projects')}
          </SubHeading>
          <ul class="pc-projects">
            {projects.map((project, index) => {
              const href = safeHref(projectUrl(project));
              return (
                <li key={index} class="pc-project">
                  {href ? (
                    <a
                      href={href}
                      target="_blank"
                      rel="noopener noreferrer"
                      class="pc-project-name"
                      dir="auto"
                      title={project.name}
                    >
                      {project.name}
                    </a>
                  ) : (
                    <span class="pc-project-name" dir="auto" title={project.name}>
                      {project.name}
                    </span>
                  )}
                  {project.description && (
                    <span class="pc-project-desc" title={project.description} dir="auto">
                      {project.description}
                    </span>
                  )}
                </li>
              );
            })}
          </ul>
          {(hiddenProjects > 0 || allProjects) && profile.projects.length > VISIBLE_PROJECTS && (
            <button
              type="button"
              class="pc-more"
              aria-expanded={allProjects}
              onClick={() => setAllProjects(!allProjects)}
            >
              {allProjects ? t('card_fewer_projects') : tn('card_more_projects', hiddenProjects)}
            </button>
          )}
        </section>
      )}

      {(links.length > 0 || mailto) && (
        <ul class="pc-links" aria-label={t('card_contact')}>
          {links.map((link, index) => {
            const href = safeHref(link.url);
            return (
              href && (
                <li key={index}>
                  <a
                    href={href}
                    target="_blank"
                    rel="noopener noreferrer"
                    class={`pc-link pc-link-${link.kind}`}
                    // The whole address, for a line cut short with an ellipsis.
                    title={href}
                  >
                    <span class="pc-link-kind" dir="auto">
                      {linkKind(link)}
                    </span>{' '}
                    <bdi>{linkText(link)}</bdi>
                  </a>
                </li>
              )
            );
          })}
          {mailto && email && (
            <li>
              <a
                href={mailto}
                class="pc-link pc-link-email"
                title={email}
                target="_blank"
                rel="noopener noreferrer"
              >
                <span class="pc-link-kind">{t('card_link_email')}</span> <bdi>{email}</bdi>
              </a>
            </li>
          )}
        </ul>
      )}

      <div class="pc-actions">
        {email && (
          <button
            type="button"
            class="pc-button"
            onClick={() => run(() => copyText(email, 'email', host()))}
          >
            {t('card_copy_email')}
          </button>
        )}
        <button
          type="button"
          class="pc-button"
          onClick={() => run(() => copyText(toPlainText(profile), 'text', host()))}
        >
          {t('card_copy_text')}
        </button>
        <button
          type="button"
          class="pc-button"
          onClick={() => run(() => copyText(toVCard(profile), 'vcard', host()))}
        >
          {t('card_copy_vcard')}
        </button>
        <button
          type="button"
          class="pc-button"
          onClick={() =>
            run(() =>
              downloadText(vcardFileName(profile), toVCard(profile), 'text/vcard;charset=utf-8'),
            )
          }
        >
          {t('card_download_vcf')}
        </button>
      </div>
      <p
        class={status?.ok === false ? 'pc-status pc-status-error' : 'pc-status'}
        role="status"
        aria-live="polite"
      >
        {status?.message ?? ''}
      </p>
    </article>
  );
}
