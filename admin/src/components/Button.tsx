import type { ButtonHTMLAttributes, MouseEvent } from 'react';

export interface ButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  variant?: 'primary' | 'secondary' | 'danger' | 'link';
  /** Shows the button as busy: aria-disabled, aria-busy, presses ignored, `busyLabel` in its text. */
  busy?: boolean;
  busyLabel?: string;
}

/**
 * A button that is type="button" unless said otherwise (no accidental form submits). While busy it
 * stays focusable (aria-disabled, not disabled): a disabled button drops the focus of whoever just
 * pressed it to the page's start, so after a save they would have to find their place again.
 */
export function Button({
  variant = 'primary',
  busy = false,
  busyLabel,
  className,
  type = 'button',
  disabled,
  children,
  onClick,
  ...rest
}: ButtonProps) {
  const click = (event: MouseEvent<HTMLButtonElement>) => {
    // A press while busy does nothing, a form's submit included.
    if (busy) {
      event.preventDefault();
      return;
    }
    onClick?.(event);
  };
  return (
    <button
      type={type}
      className={['button', `button-${variant}`, className].filter(Boolean).join(' ')}
      disabled={disabled}
      aria-disabled={busy || undefined}
      aria-busy={busy || undefined}
      onClick={click}
      {...rest}
    >
      {busy && busyLabel ? busyLabel : children}
    </button>
  );
}
