/**
 * The options page's footer: where the privacy policy is (privacy.html,
 * PRIVACY.md bundled). Opened in a new tab by the user's click, so the
 * options page and anything unsaved on it stay as they were.
 */
import { t } from '../../i18n/t';
import './privacy.css';

export function PrivacyFooter() {
  return (
    <footer class="pc-options-foot pc-muted">
      <a href="/privacy.html" target="_blank" rel="noopener">
        {t('privacy_footer_link')}
      </a>
      {t('privacy_footer_text')}
    </footer>
  );
}
