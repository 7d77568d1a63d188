// Small marks shared by the gap report: the distinct-difference flag (icon + text, never colour alone)
// and the suppressed "c".

export function WarningIcon() {
  return (
    <svg aria-hidden="true" focusable="false" width="14" height="14" viewBox="0 0 16 16" className="inline-block shrink-0">
      <path d="M8 1 15.5 14.5H.5z" fill="#7c2d12" />
      <path d="M7.2 5.5h1.6v4.6H7.2zM7.2 11.3h1.6v1.6H7.2z" fill="#fff" />
    </svg>
  );
}

/** A gap with its distinct-difference flag. */
export function GapValue({ text, distinct }: { text: string; distinct: boolean }) {
  if (!distinct) return <span>{text}</span>;
  return (
    <span className="inline-flex items-center gap-1 rounded border border-orange-900 bg-orange-50 px-1 font-bold text-orange-950">
      <WarningIcon />
      <span>{text}</span>
      <span className="text-xs font-semibold uppercase">distinct</span>
    </span>
  );
}

export function Suppressed() {
  return <span data-suppressed="true">c</span>;
}
