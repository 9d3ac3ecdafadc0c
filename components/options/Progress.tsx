/**
 * A progress bar for work that takes more than a moment (an import's
 * reading, checking and writing; an export): its words say what is
 * happening and how far ("Checking 2,500 of 10,000 entries"), shown and
 * given as the bar's accessible name; without a total it is indeterminate.
 */
export function Progress({ label, done, total }: { label: string; done?: number; total?: number }) {
  const known = total !== undefined && total > 0 && done !== undefined;
  return (
    <div class="pc-progress">
      <div
        class="pc-progress-track"
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={known ? total : undefined}
        aria-valuenow={known ? done : undefined}
      >
        <div
          class={known ? 'pc-progress-bar' : 'pc-progress-bar pc-progress-unknown'}
          style={
            known
              ? { width: `${Math.min(100, (100 * (done as number)) / (total as number))}%` }
              : undefined
          }
        />
      </div>
      <span class="pc-progress-label" aria-hidden="true">
        {label}
      </span>
    </div>
  );
}
