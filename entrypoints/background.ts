import { defineBackground } from 'wxt/utils/define-background';

export default defineBackground(() => {
  // The directory and messaging arrive with the card (issue 3).
});
