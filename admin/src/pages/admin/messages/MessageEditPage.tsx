// Administrasjon › Meldingstekster › one message (kind × channel × language): its editor beside
// a live preview. The address names the message, so it can be bookmarked and shared.
import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import { EmptyState, ErrorSummary, Loading } from '../../../components/index.ts';
import { isLanguage, useT } from '../../../i18n/index.ts';
import { PageHeading } from '../../../layout/index.ts';
import { useMembership } from '../../../session/index.ts';
import { summaryItems } from '../shared/forms.ts';
import { MessageEditor } from './MessageEditor.tsx';
import { CHANNELS, channelName, isKind, kindName, messagesApi, type TemplateEntry } from './messages-api.ts';
import './messages.css';

export default function MessageEditPage() {
  const t = useT();
  const { kommunenummer } = useMembership();
  const params = useParams();
  const [entry, setEntry] = useState<TemplateEntry | null | undefined>(undefined);
  const [error, setError] = useState<unknown>(null);
  const { kind, channel, language } = params;
  const known =
    isKind(kind) && (CHANNELS as readonly string[]).includes(channel ?? '') && isLanguage(language);

  useEffect(() => {
    if (!known) return;
    const controller = new AbortController();
    messagesApi.list(kommunenummer, controller.signal).then(
      (answer) =>
        setEntry(
          answer.templates.find((e) => e.kind === kind && e.channel === channel && e.language === language) ??
            null,
        ),
      (problem: unknown) => {
        if (!controller.signal.aborted) setError(problem);
      },
    );
    return () => controller.abort();
  }, [known, kommunenummer, kind, channel, language]);

  const back = (
    <p>
      <Link to={`/m/${kommunenummer}/admin/messages`}>{t('admin.messages.back')}</Link>
    </p>
  );
  if (!known || entry === null)
    return (
      <>
        <PageHeading title={t('admin.messages')} />
        <EmptyState title={t('admin.messages.notFound')} />
        {back}
      </>
    );
  const title = entry
    ? t('admin.messages.editTitle', {
        kind: kindName(t, entry.kind),
        channel: channelName(t, entry.channel),
        language: t(`language.${entry.language}`),
      })
    : t('admin.messages');
  return (
    <>
      <PageHeading title={title} />
      {back}
      <ErrorSummary title={t('errors.summaryTitle')} items={summaryItems(error, t, 'message')} />
      {entry ? (
        <MessageEditor
          key={`${entry.kind}-${entry.channel}-${entry.language}`}
          kommunenummer={kommunenummer}
          entry={entry}
          onChange={setEntry}
        />
      ) : error ? null : (
        <Loading />
      )}
    </>
  );
}
