// Administrasjon › Meldingstekster: every message to residents, kind by kind, with whether the
// built-in text or the municipality's own is in use for each channel and language
// (GET /admin/message-templates). Each row links to its editor.
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { ErrorSummary, Loading } from '../../../components/index.ts';
import { useT } from '../../../i18n/index.ts';
import { PageHeading } from '../../../layout/index.ts';
import { useMembership } from '../../../session/index.ts';
import { summaryItems } from '../shared/forms.ts';
import {
  channelName,
  kindName,
  MESSAGE_KINDS,
  type MessageKind,
  messagesApi,
  type TemplateEntry,
} from './messages-api.ts';
import './messages.css';

function KindTable({ kind, entries }: { kind: MessageKind; entries: TemplateEntry[] }) {
  const t = useT();
  const titleId = `messages-kind-${kind}`;
  return (
    <section className="messages-kind" aria-labelledby={titleId}>
      <h2 id={titleId}>{kindName(t, kind)}</h2>
      <div className="table-scroll">
        <table className="admin-table messages-table">
          <thead>
            <tr>
              <th scope="col">{t('admin.messages.channel')}</th>
              <th scope="col">{t('admin.messages.language')}</th>
              <th scope="col">{t('admin.messages.text')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('admin.form.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {entries.map((entry) => {
              const channel = channelName(t, entry.channel);
              const language = t(`language.${entry.language}`);
              return (
                <tr key={`${entry.channel}-${entry.language}`} data-own={entry.override ? 'true' : 'false'}>
                  <td>{channel}</td>
                  <td>{language}</td>
                  <td>
                    {entry.override ? (
                      <strong className="own-text">
                        {t('admin.messages.ownSince', {
                          date: t.dateTime(entry.override.updatedAt, { dateStyle: 'short' }),
                        })}
                      </strong>
                    ) : (
                      <span className="muted">{t('admin.messages.default')}</span>
                    )}
                  </td>
                  <td>
                    <Link
                      to={`${entry.kind}/${entry.channel}/${entry.language}`}
                      aria-label={t('admin.messages.editLabel', {
                        kind: kindName(t, kind),
                        channel,
                        language,
                      })}
                    >
                      {t('admin.messages.edit')}
                    </Link>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}

export default function MessagesPage() {
  const t = useT();
  const { kommunenummer } = useMembership();
  const [entries, setEntries] = useState<TemplateEntry[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    const controller = new AbortController();
    messagesApi.list(kommunenummer, controller.signal).then(
      (answer) => setEntries(answer.templates),
      (problem: unknown) => {
        if (!controller.signal.aborted) setError(problem);
      },
    );
    return () => controller.abort();
  }, [kommunenummer]);
  return (
    <>
      <PageHeading title={t('admin.messages')} />
      <p>{t('admin.messages.intro')}</p>
      <ErrorSummary title={t('errors.summaryTitle')} items={summaryItems(error, t, 'messages')} />
      {entries === null ? (
        error ? null : (
          <Loading />
        )
      ) : (
        MESSAGE_KINDS.map((kind) => (
          <KindTable key={kind} kind={kind} entries={entries.filter((e) => e.kind === kind)} />
        ))
      )}
    </>
  );
}
