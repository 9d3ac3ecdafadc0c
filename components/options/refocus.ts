/**
 * The keyboard keeps its place: when the element that held the focus is
 * removed (a preview closed, a row unsubscribed), the browser drops the focus
 * to <body> and the next Tab starts over at the top of the page. The panel
 * then gives it to the control the user would go on from. Focus that went
 * elsewhere meanwhile is left where it is.
 */
export function refocusIfLost(target: HTMLElement | null | undefined): void {
  const now = document.activeElement;
  if (target?.isConnected && (now === null || now === document.body)) target.focus();
}
