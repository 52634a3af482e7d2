// An accessible combobox (WAI-ARIA 1.2 "list autocomplete"): type to get suggestions, ↓/↑ to
// move through them, Enter to choose, Escape to close. Focus stays in the input; the highlighted
// option is aria-activedescendant. Used for the address search and the category.
import { type KeyboardEvent, type ReactNode, useId, useState } from 'react';

export interface ComboboxProps<T> {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string | undefined;
  value: string;
  onInput(text: string): void;
  options: T[];
  optionKey(option: T): string;
  renderOption(option: T): ReactNode;
  onSelect(option: T): void;
  /** Said in the listbox when there are no suggestions and the person has typed something. */
  emptyText?: string | undefined;
  /** "3 forslag": announced politely when the suggestions change. */
  statusText?: string;
  open: boolean;
  setOpen(open: boolean): void;
  inputRef?: React.Ref<HTMLInputElement>;
}

export function Combobox<T>(props: ComboboxProps<T>) {
  const { id, label, hint, error, value, options, open, setOpen } = props;
  const listId = `${id}-list`;
  const optionPrefix = useId();
  const [active, setActive] = useState(-1);
  const shown = open && (options.length > 0 || Boolean(props.emptyText && value));

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      setOpen(true);
      setActive((a) => (options.length === 0 ? -1 : (a + 1) % options.length));
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      setOpen(true);
      setActive((a) => (options.length === 0 ? -1 : a <= 0 ? options.length - 1 : a - 1));
    } else if (event.key === 'Enter' && shown && active >= 0 && options[active] !== undefined) {
      event.preventDefault();
      props.onSelect(options[active] as T);
      setOpen(false);
      setActive(-1);
    } else if (event.key === 'Escape' && shown) {
      event.preventDefault();
      setOpen(false);
      setActive(-1);
    }
  }

  const describedBy =
    [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className={['field', 'combobox', error ? 'field-invalid' : null].filter(Boolean).join(' ')}>
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <p className="field-hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      {error ? (
        <p className="field-error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
      <input
        id={id}
        ref={props.inputRef}
        role="combobox"
        autoComplete="off"
        aria-autocomplete="list"
        aria-expanded={shown}
        aria-controls={listId}
        aria-activedescendant={shown && active >= 0 ? `${optionPrefix}-${active}` : undefined}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        value={value}
        onChange={(event) => {
          props.onInput(event.target.value);
          setActive(-1);
          setOpen(true);
        }}
        onKeyDown={onKeyDown}
        onBlur={() => setTimeout(() => setOpen(false), 150)}
      />
      <div
        id={listId}
        role="listbox"
        className="combobox-list"
        hidden={!shown}
        aria-label={typeof label === 'string' ? label : undefined}
      >
        {options.length === 0 && props.emptyText ? (
          // biome-ignore lint/a11y/useFocusableInteractive: focus stays in the input (aria-activedescendant)
          <div className="combobox-empty" role="option" aria-disabled="true" aria-selected="false">
            {props.emptyText}
          </div>
        ) : null}
        {options.map((option, index) => (
          // biome-ignore lint/a11y/useFocusableInteractive: focus stays in the input (aria-activedescendant)
          <div
            key={props.optionKey(option)}
            id={`${optionPrefix}-${index}`}
            role="option"
            aria-selected={index === active}
            className={index === active ? 'active' : undefined}
            onMouseDown={(event) => {
              event.preventDefault();
              props.onSelect(option);
              setOpen(false);
              setActive(-1);
            }}
          >
            {props.renderOption(option)}
          </div>
        ))}
      </div>
      <p className="visually-hidden" role="status" aria-live="polite">
        {open ? props.statusText : ''}
      </p>
    </div>
  );
}
