"use client";

/**
 * The <option>s of a long <select> (an authority's schools) from plain [value, label] pairs: the
 * page's RSC payload carries the pairs, not an element per option.
 */
export function OptionList({ options }: { options: [value: string, label: string][] }) {
  return options.map(([value, label]) => (
    <option key={value} value={value}>{label}</option>
  ));
}
