// The nested, numbered agenda with the current item highlighted and documents under each item.
import { useTranslation } from 'react-i18next';
import { childIds, type Agenda, type AgendaItem, type DocumentInfo } from '../../core/index.ts';
import { DocumentList } from './DocumentList.tsx';

interface Props {
  meetingId: string;
  agenda: Agenda;
  currentItemId: string | null;
  documents: DocumentInfo[];
}

export function AgendaTree({ meetingId, agenda, currentItemId, documents }: Props) {
  const { t } = useTranslation();
  return (
    <section className="panel agenda" aria-labelledby="agenda-heading">
      <h2 id="agenda-heading">{t('meeting.agenda')}</h2>
      {childIds(agenda, null).length === 0 ? (
        <p className="muted">{t('meeting.noAgenda')}</p>
      ) : (
        <Branch
          parentId={null}
          prefix=""
          agenda={agenda}
          meetingId={meetingId}
          currentItemId={currentItemId}
          documents={documents}
        />
      )}
    </section>
  );
}

function Branch(props: Props & { parentId: string | null; prefix: string }) {
  const { agenda, parentId, prefix } = props;
  const ids = childIds(agenda, parentId);
  if (ids.length === 0) return null;
  return (
    <ol className={parentId === null ? 'agenda-list' : 'agenda-list nested'}>
      {ids.map((id, i) => {
        const item = agenda.items[id];
        if (!item) return null;
        const number = prefix ? `${prefix}.${i + 1}` : `${i + 1}`;
        return (
          <li key={id}>
            <Row {...props} item={item} number={number} />
            <Branch {...props} parentId={id} prefix={number} />
          </li>
        );
      })}
    </ol>
  );
}

function Row({
  item,
  number,
  meetingId,
  currentItemId,
  documents,
}: Props & { item: AgendaItem; number: string }) {
  const { t } = useTranslation();
  const current = item.id === currentItemId;
  const docs = documents.filter((d) => d.itemId === item.id);
  return (
    <div
      className={current ? 'agenda-row current' : 'agenda-row'}
      data-testid="agenda-item"
      data-item-id={item.id}
      data-current={current ? 'true' : 'false'}
      aria-current={current ? 'step' : undefined}
    >
      <div className="agenda-head">
        <span className="agenda-number">{number}</span>
        <span className="agenda-title">{item.title}</span>
        {item.durationMin !== null && (
          <span className="agenda-duration">
            {t('meeting.minutes', { count: item.durationMin })}
          </span>
        )}
      </div>
      {item.presenter && (
        <div className="agenda-meta">{t('meeting.presenter', { name: item.presenter })}</div>
      )}
      {docs.length > 0 && <DocumentList meetingId={meetingId} documents={docs} />}
    </div>
  );
}
