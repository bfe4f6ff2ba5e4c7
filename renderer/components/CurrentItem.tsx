// The item under discussion, large enough to read from across the room.
import { useTranslation } from 'react-i18next';
import { flattenAgenda, type DocumentInfo, type MeetingState } from '../../core/index.ts';
import { DocumentList } from './DocumentList.tsx';

export function CurrentItem({
  meeting,
  documents,
}: {
  meeting: MeetingState;
  documents: DocumentInfo[];
}) {
  const { t } = useTranslation();
  const entries = flattenAgenda(meeting.agenda);
  const entry = entries.find((e) => e.item.id === meeting.currentItemId);
  const parent = entry && entries.find((e) => e.item.id === entry.item.parentId);
  const docs = entry ? documents.filter((d) => d.itemId === entry.item.id) : [];
  return (
    <section
      className="panel current-item"
      data-testid="current-item"
      data-item-id={entry?.item.id ?? ''}
      aria-labelledby="current-heading"
    >
      <h2 id="current-heading">{t('meeting.currentItem')}</h2>
      {entry ? (
        <>
          {parent && (
            <p className="current-parent">
              {t('meeting.partOf', { number: parent.number, title: parent.item.title })}
            </p>
          )}
          <p className="current-title" data-testid="current-item-title">
            <span className="agenda-number">{entry.number}</span> {entry.item.title}
          </p>
          {entry.item.presenter && (
            <p className="agenda-meta">{t('meeting.presenter', { name: entry.item.presenter })}</p>
          )}
          {entry.item.description && <p className="current-desc">{entry.item.description}</p>}
          {docs.length > 0 && <DocumentList meetingId={meeting.id} documents={docs} />}
        </>
      ) : (
        <p className="muted" data-testid="current-item-title">
          {t('meeting.noCurrentItem')}
        </p>
      )}
    </section>
  );
}
