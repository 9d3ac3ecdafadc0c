import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import type { BridgeGlobal } from '../../messaging/ui-bridge';
import { UI_KEY } from '../../messaging/ui-bridge';
import { createCardUi } from './card-ui';

// Injected by the background (scripting.executeScript) into a page's isolated
// world only once a known person is matched; never listed as a web-accessible
// resource. Running it registers the UI factory for the startup script.
export default defineUnlistedScript(() => {
  (globalThis as BridgeGlobal)[UI_KEY] ??= createCardUi;
});
