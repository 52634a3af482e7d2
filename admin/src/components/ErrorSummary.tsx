import { useEffect, useId, useRef } from 'react';

export interface SummaryItem {
  message: string;
  /** The id of the field the message is about: the line becomes a link to it. */
  fieldId?: string;
}

export interface ErrorSummaryProps {
  title: string;
  items: SummaryItem[];
  /** Take focus when shown or when the items change (default true). */
  focus?: boolean;
}

/**
 * The problems, summarised at the top of a form: role="alert", and focused when it appears so
 * that a keyboard or screen reader user lands on it. Lines about a field link to that field.
 */
export function ErrorSummary({ title, items, focus = true }: ErrorSummaryProps) {
  const ref = useRef<HTMLDivElement>(null);
  const titleId = useId();
  // Focus again only when what it says changes, not on every render.
  const said = items.map((item) => item.message).join('\n');
  useEffect(() => {
    if (focus && said) ref.current?.focus();
  }, [focus, said]);
  if (items.length === 0) return null;
  return (
    <div className="error-summary" role="alert" tabIndex={-1} ref={ref} aria-labelledby={titleId}>
      <h2 id={titleId}>{title}</h2>
      <ul>
        {items.map((item) => (
          <li key={`${item.fieldId ?? ''}:${item.message}`}>
            {item.fieldId ? (
              <a
                href={`#${item.fieldId}`}
                onClick={(event) => {
                  event.preventDefault();
                  document.getElementById(item.fieldId ?? '')?.focus();
                }}
              >
                {item.message}
              </a>
            ) : (
              item.message
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
