/**
 * Event handlers start async work they don't wait for. `void promise` would
 * turn any failure (a render error, a throwing UI factory) into an unhandled
 * rejection; this logs it for whoever has the developer tools open (a
 * content script's console is not the page's: page scripts can't read it)
 * and lets the page carry on.
 */
export function unawaited(task: Promise<unknown> | undefined): void {
  task?.catch((error: unknown) => console.error('Profile Card:', error));
}
