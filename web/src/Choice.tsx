/** A labelled drop-down: the filters and form fields of every view. */

export type ChoiceOption = string | { readonly value: string; readonly label: string };

export function Choice({ label, value, onChange, options, empty, isDisabled = false }: {
  readonly label: string;
  readonly value: string;
  readonly onChange: (value: string) => void;
  readonly options: readonly ChoiceOption[];
  /** The label of the "" choice (any, none…); without it there is none. */
  readonly empty?: string;
  readonly isDisabled?: boolean;
}) {
  return (
    <label>
      {label}{' '}
      <select value={value} disabled={isDisabled} onChange={(e) => onChange(e.target.value)}>
        {empty !== undefined && <option value="">{empty}</option>}
        {options.map((o) => (typeof o === 'string' ? <option key={o} value={o}>{o}</option> : <option key={o.value} value={o.value}>{o.label}</option>))}
      </select>
    </label>
  );
}
