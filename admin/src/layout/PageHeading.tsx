import { type ReactNode, useEffect, useRef } from 'react';
import { useLocation } from 'react-router';
import { useT } from '../i18n/index.ts';

let firstLocationKey: string | undefined;

/**
 * A page's <h1> and its document title ("Innboks – Meldepunkt"). After a navigation inside the
 * app (not on the first load) the heading takes focus, so keyboard and screen reader users start
 * at the new page's top, as after a full page load. Every page should render exactly one.
 */
export function PageHeading({
  title,
  children,
  focusOnNavigate = true,
}: {
  title: string;
  /** Shown in place of `title` in the heading (the document title stays `title`). */
  children?: ReactNode;
  focusOnNavigate?: boolean;
}) {
  const t = useT();
  const ref = useRef<HTMLHeadingElement>(null);
  const { key } = useLocation();
  const documentTitle = t('app.pageTitle', { page: title });
  useEffect(() => {
    document.title = documentTitle;
  }, [documentTitle]);
  useEffect(() => {
    firstLocationKey ??= key;
    if (focusOnNavigate && key !== firstLocationKey) ref.current?.focus();
  }, [key, focusOnNavigate]);
  return (
    <h1 tabIndex={-1} ref={ref} className="page-heading">
      {children ?? title}
    </h1>
  );
}
