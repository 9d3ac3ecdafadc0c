/**
 * WXT's ContentScriptContext announces every start with a `CustomEvent` on
 * `document` named `<extension id>:content:wxt:content-script-started`, and
 * aborts itself when it hears one "from a newer copy of the script"
 * (node_modules/wxt/dist/utils/content-script-context.mjs). Both are visible
 * to the page, which knows our id from the store listing:
 * - listening for the name tells any page that Profile Card is installed
 *   (the thing our empty web_accessible_resources keeps LinkedIn's probes
 *   from learning);
 * - dispatching it, with any `detail` (a page's object reaches our world as
 *   a structured clone: nothing in it can be trusted), stops our script for
 *   the rest of the page's life.
 *
 * We need neither half. The newer copy it guards against is an orphan left
 * behind by an extension update or reload: Chrome never injects a second
 * copy into an open tab, Firefox unloads the old copy with the old add-on,
 * and an orphan stops itself the moment it next asks the background
 * (`runtime.id` is then undefined: ./ask.ts, and WXT's own `ctx.isInvalid`).
 * So both methods are switched off here, for the one context WXT creates in
 * this bundle. The hostile-page browser test dispatches the forged event and
 * listens for the announcement, so a WXT upgrade that renames them fails it.
 *
 * This runs when the module is evaluated: ./index.ts imports it, and WXT's
 * entry evaluates that import before it constructs the context.
 */
import { ContentScriptContext } from 'wxt/utils/content-script-context';

ContentScriptContext.prototype.stopOldScripts = () => {};
ContentScriptContext.prototype.listenForNewerScripts = () => {};
