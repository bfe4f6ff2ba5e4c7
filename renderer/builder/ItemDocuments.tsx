// An item's documents in the builder: the list (with delete), a drop zone, and one line per upload.
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AgendaItem, ClientCommand, MeetingState } from '../../core/index.ts';
import { compareText } from '../format.ts';
import { percent, type UploadEntry } from './uploadQueue.ts';
import type { Uploads } from './useUploads.ts';

interface Props {
  meeting: MeetingState;
  item: AgendaItem;
  run: (command: ClientCommand) => void;
  uploads: Uploads;
}

export function ItemDocuments({ meeting, item, run, uploads }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const [over, setOver] = useState(false);
  const docs = Object.values(meeting.documents)
    .filter((d) => d.itemId === item.id)
    .sort((a, b) => a.uploadedAt.localeCompare(b.uploadedAt) || compareText(a.name, b.name));
  const lines = uploads.entries.filter((e) => e.itemId === item.id);
  const remove = (documentId: string, name: string): void => {
    if (window.confirm(t('builder.docs.confirmRemove', { name })))
      run({ type: 'document.remove', payload: { documentId } });
  };

  return (
    <div className="item-docs">
      {docs.length > 0 && (
        <ul className="documents" aria-label={t('builder.docs.heading')}>
          {docs.map((d) => (
            <li key={d.id} data-testid="builder-document">
              <span className="doc-icon" aria-hidden="true">
                PDF
              </span>
              <span className="doc-name">{d.name}</span>
              <span className="doc-pages">{t('meeting.pages', { count: d.pages })}</span>
              <button
                type="button"
                className="danger"
                aria-label={t('builder.docs.remove', { name: d.name })}
                onClick={() => remove(d.id, d.name)}
              >
                {t('builder.agenda.remove')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <div
        className={over ? 'drop-zone over' : 'drop-zone'}
        data-testid="drop-zone"
        onDragOver={(e) => {
          if (!e.dataTransfer.types.includes('Files')) return;
          e.preventDefault();
          e.dataTransfer.dropEffect = 'copy';
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={(e) => {
          e.preventDefault();
          setOver(false);
          const files = [...e.dataTransfer.files];
          if (files.length) uploads.add(item.id, files);
        }}
      >
        <span>
          {over ? t('builder.docs.dropHere', { title: item.title }) : t('builder.docs.drop')}
        </span>{' '}
        <label className="file-pick">
          <input
            type="file"
            className="visually-hidden"
            multiple
            accept="application/pdf,.pdf"
            aria-label={t('builder.docs.pickFor', { title: item.title })}
            data-testid="file-input"
            id={`${id}-file`}
            onChange={(e) => {
              const files = [...(e.target.files ?? [])];
              e.target.value = ''; // the same file can be chosen again after a refusal
              if (files.length) uploads.add(item.id, files);
            }}
          />
          <span aria-hidden="true">{t('builder.docs.pick')}</span>
        </label>
      </div>
      {lines.length > 0 && (
        <ul className="uploads" aria-label={t('builder.docs.heading')}>
          {lines.map((entry) => (
            <UploadLine key={entry.key} entry={entry} uploads={uploads} />
          ))}
        </ul>
      )}
    </div>
  );
}

function UploadLine({ entry, uploads }: { entry: UploadEntry; uploads: Uploads }) {
  const { t } = useTranslation();
  const name = entry.name;
  const live = entry.status === 'queued' || entry.status === 'uploading';
  const pct = percent(entry);
  let text: string;
  if (entry.status === 'refused' && entry.refusal)
    text = t(`builder.docs.refused.${entry.refusal}`);
  else if (entry.status === 'failed')
    text = t('builder.docs.failed', { reason: t(`errors.${entry.errorCode ?? 'INTERNAL'}`) });
  else if (entry.status === 'done') text = t('builder.docs.done');
  else if (entry.status === 'cancelled') text = t('builder.docs.cancelled');
  else if (entry.status === 'queued') text = t('builder.docs.queued');
  else text = t('builder.docs.uploading', { percent: pct });
  const bad = entry.status === 'refused' || entry.status === 'failed';

  return (
    <li
      className={`upload upload-${entry.status}`}
      data-testid="upload"
      data-status={entry.status}
      data-refusal={entry.refusal ?? undefined}
    >
      <span className="upload-name">{name}</span>
      {live || entry.status === 'done' ? (
        <progress max={100} value={pct} aria-label={t('builder.docs.progress', { name })} />
      ) : null}
      <span
        className={bad ? 'upload-msg form-error' : 'upload-msg'}
        role={bad ? 'alert' : undefined}
        data-testid="upload-message"
      >
        {text}
      </span>
      {live ? (
        <button
          type="button"
          aria-label={t('builder.docs.cancel', { name })}
          onClick={() => uploads.cancel(entry.key)}
        >
          {t('common.cancel')}
        </button>
      ) : (
        <button
          type="button"
          className="icon-button"
          aria-label={t('builder.docs.dismiss', { name })}
          onClick={() => uploads.dismiss(entry.key)}
        >
          <span aria-hidden="true">×</span>
        </button>
      )}
    </li>
  );
}
