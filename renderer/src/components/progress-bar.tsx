// A progress bar that only claims what is known: a value when main reported one, an indeterminate animation
// when the job runs but nothing measurable has arrived yet.
export function ProgressBar({ fraction, label }: { fraction: number | null; label: string }) {
  if (fraction === null) {
    return (
      <div className="progress progress--indeterminate" role="progressbar" aria-label={label} aria-busy="true">
        <div className="progress__fill" />
      </div>
    );
  }
  const percent = Math.round(fraction * 100);
  return (
    <div className="progress" role="progressbar" aria-label={label} aria-valuemin={0} aria-valuemax={100} aria-valuenow={percent}>
      <div className="progress__fill" style={{ width: `${percent}%` }} />
    </div>
  );
}
