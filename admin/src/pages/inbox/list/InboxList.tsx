// The list itself: rows, loading, empty and error states, and "Vis flere" for the next page. It
// sits in the list pane's scroll box (InboxPage), which live updates watch.
import { errorText } from '../../../api/error-text.ts';
import { Button, EmptyState, Loading } from '../../../components/index.ts';
import { useT } from '../../../i18n/index.ts';
import { InboxRow } from './InboxRow.tsx';
import type { InboxList as ListState } from './useInboxList.ts';

interface Props {
  k: string;
  list: ListState;
  openId: string | undefined;
  activeId: string | null;
  selected: Set<string>;
  search: string;
  filtered: boolean;
  onSelect(id: string, on: boolean): void;
  onFocusRow(id: string): void;
  onReset(): void;
}

export function InboxList(props: Props) {
  const t = useT();
  const { list, k } = props;
  if (list.loading && list.items.length === 0) return <Loading label={t('inbox.loading')} />;
  if (list.error && list.items.length === 0) {
    return (
      <div className="error-summary" role="alert">
        <h2>{t('inbox.loadFailed')}</h2>
        <p>{errorText(list.error, t)}</p>
        <Button variant="secondary" onClick={list.reload}>
          {t('inbox.tryAgain')}
        </Button>
      </div>
    );
  }
  if (list.items.length === 0) {
    return (
      <EmptyState
        title={props.filtered ? t('inbox.emptyFiltered') : t('inbox.empty')}
        action={
          props.filtered ? (
            <Button variant="secondary" onClick={props.onReset}>
              {t('inbox.reset')}
            </Button>
          ) : undefined
        }
      />
    );
  }
  return (
    <>
      <ul className="inbox-rows" aria-label={t('inbox.listLabel')} aria-busy={list.loading || undefined}>
        {list.items.map((item) => (
          <InboxRow
            key={item.id}
            item={item}
            k={k}
            open={item.id === props.openId}
            active={item.id === props.activeId}
            selected={props.selected.has(item.id)}
            search={props.search}
            onSelect={props.onSelect}
            onFocus={props.onFocusRow}
          />
        ))}
      </ul>
      {list.nextCursor ? (
        <Button
          variant="secondary"
          className="inbox-more-button"
          busy={list.loadingMore}
          busyLabel={t('app.loading')}
          onClick={list.loadMore}
        >
          {t('inbox.showMore')}
        </Button>
      ) : (
        <p className="inbox-end">{t('inbox.end')}</p>
      )}
    </>
  );
}
