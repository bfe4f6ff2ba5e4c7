// The organisers' side of publishing: publish the draft, say per document who may see it and its
// confidentiality label, replace a document with a new version, and see who has opened what.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  canSeeDocument,
  flattenAgenda,
  type ClientCommand,
  type DocumentAudience,
  type DocumentInfo,
  type MeetingState,
  type Participant,
} from '../../core/index.ts';
import { ApiError, fileUrl } from '../api/http.ts';
import { useNotice, useToast } from '../components/Toasts.tsx';
import { compareNames, formatDateTime } from '../format.ts';
import { currentLanguage } from '../i18n/index.ts';
import { uploadVersion } from './uploadVersion.ts';

interface Props {
  meeting: MeetingState;
  run: (command: ClientCommand) => void;
}

const isOrganiser = (p: Participant) => p.role === 'admin' || p.role === 'secretary';

export function PublishPanel({ meeting, run }: Props) {
  const { t, i18n } = useTranslation();
  const lang = currentLanguage(i18n.language);
  // documents in agenda order, each with its item's number
  const numbers = new Map(flattenAgenda(meeting.agenda).map((e, i) => [e.item.id, [i, e.number]]));
  const docs = Object.values(meeting.documents).sort(
    (a, b) =>
      Number(numbers.get(a.itemId)?.[0] ?? 1e9) - Number(numbers.get(b.itemId)?.[0] ?? 1e9) ||
      a.uploadedAt.localeCompare(b.uploadedAt),
  );
  const readers = Object.values(meeting.participants)
    .filter((p) => !isOrganiser(p))
    .sort((a, b) => compareNames(a.displayName, b.displayName));
  return (
    <section
      className="panel publish-panel"
      aria-labelledby="publish-heading"
      data-testid="publish-panel"
    >
      <h2 id="publish-heading">{t('builder.publish.panelTitle')}</h2>
      {meeting.publishedAt === null ? (
        <div className="publish-draft" data-testid="draft-note">
          <p>
            <span className="badge draft">{t('builder.publish.draft')}</span>{' '}
            {t('builder.publish.draftNote')}
          </p>
          <button
            type="button"
            className="primary"
            data-testid="publish-button"
            onClick={() => run({ type: 'meeting.publish', payload: {} })}
          >
            {t('builder.publish.publish')}
          </button>
        </div>
      ) : (
        <p className="muted" data-testid="published-at">
          {t('builder.publish.publishedAt', { time: formatDateTime(meeting.publishedAt, lang) })}
        </p>
      )}
      {docs.length === 0 && <p className="muted">{t('builder.publish.noDocuments')}</p>}
      <ul className="publish-docs">
        {docs.map((doc) => (
          <DocumentRow
            key={doc.id}
            meeting={meeting}
            doc={doc}
            number={String(numbers.get(doc.itemId)?.[1] ?? '')}
            readers={readers}
            run={run}
          />
        ))}
      </ul>
    </section>
  );
}

function DocumentRow({
  meeting,
  doc,
  number,
  readers,
  run,
}: {
  meeting: MeetingState;
  doc: DocumentInfo;
  number: string;
  readers: Participant[];
  run: (command: ClientCommand) => void;
}) {
  const { t, i18n } = useTranslation();
  const lang = currentLanguage(i18n.language);
  const toast = useToast();
  const notice = useNotice();
  const [kind, setKind] = useState<DocumentAudience['kind']>(doc.audience.kind);
  const [chosen, setChosen] = useState<string[]>(
    doc.audience.kind === 'some' ? doc.audience.users : [],
  );
  const [label, setLabel] = useState(doc.label);
  const [uploading, setUploading] = useState(false);
  const seers = readers.filter((p) => canSeeDocument(doc, p.userId, p.role));
  const receipts = meeting.readReceipts[doc.id] ?? {};
  const opened = seers.filter((p) => receipts[p.userId] !== undefined).length;
  const listId = `labels-${doc.id}`;

  const save = (): void => {
    const audience: DocumentAudience =
      kind === 'all' ? { kind: 'all' } : { kind: 'some', users: chosen };
    run({ type: 'document.setAccess', payload: { documentId: doc.id, audience, label } });
    notice(t('builder.publish.saved', { name: doc.name }));
  };
  const replace = (file: File | undefined): void => {
    if (!file) return;
    setUploading(true);
    uploadVersion(meeting.id, doc.id, file)
      .then(() => notice(t('builder.publish.replaced', { name: doc.name })))
      .catch((err: unknown) =>
        toast(err instanceof ApiError ? err : { code: 'INTERNAL', message: String(err) }),
      )
      .finally(() => setUploading(false));
  };

  return (
    <li className="publish-doc" data-testid="publish-doc" data-document-id={doc.id}>
      <div className="publish-doc-head">
        {number && <span className="agenda-number">{number}</span>}
        <span className="doc-name">{doc.name}</span>
        {doc.label && (
          <span className="doc-label" data-testid="doc-label">
            {doc.label}
          </span>
        )}
        <span className="muted">
          {t('builder.publish.versions', { count: doc.versions.length })}
        </span>
      </div>
      <details className="publish-receipts">
        <summary data-testid="receipts-summary">
          {t('builder.publish.receipts', { opened, total: seers.length })}
        </summary>
        <ul>
          {seers.map((p) => {
            const at = receipts[p.userId];
            return (
              <li key={p.userId} data-testid="receipt" data-opened={at !== undefined}>
                <span>{p.displayName}</span>{' '}
                <span className="muted">
                  {at !== undefined
                    ? t('builder.publish.openedAt', { time: formatDateTime(at, lang) })
                    : t('builder.publish.notOpened')}
                </span>
              </li>
            );
          })}
        </ul>
      </details>
      <details className="publish-access">
        <summary>
          {t('builder.publish.access')}:{' '}
          {doc.audience.kind === 'all'
            ? t('builder.publish.everyone')
            : t('builder.publish.sharedWith', { count: doc.audience.users.length })}
        </summary>
        <fieldset>
          <label>
            <input
              type="radio"
              name={`audience-${doc.id}`}
              checked={kind === 'all'}
              onChange={() => setKind('all')}
            />{' '}
            {t('builder.publish.everyone')}
          </label>
          <label>
            <input
              type="radio"
              name={`audience-${doc.id}`}
              checked={kind === 'some'}
              onChange={() => setKind('some')}
              data-testid="audience-some"
            />{' '}
            {t('builder.publish.some')}
          </label>
          {kind === 'some' && (
            <div className="publish-people">
              {readers.map((p) => (
                <label key={p.userId}>
                  <input
                    type="checkbox"
                    checked={chosen.includes(p.userId)}
                    onChange={(e) =>
                      setChosen((c) =>
                        e.target.checked ? [...c, p.userId] : c.filter((u) => u !== p.userId),
                      )
                    }
                  />{' '}
                  {p.displayName}
                </label>
              ))}
              <p className="muted">{t('builder.publish.organisersAlways')}</p>
            </div>
          )}
          <label className="publish-label">
            {t('builder.publish.label')}{' '}
            <input
              type="text"
              value={label}
              maxLength={60}
              list={listId}
              placeholder={t('builder.publish.labelPlaceholder')}
              onChange={(e) => setLabel(e.target.value)}
              data-testid="label-input"
            />
            <datalist id={listId}>
              {t('builder.publish.labelSuggestions')
                .split('|')
                .map((s) => (
                  <option key={s} value={s} />
                ))}
            </datalist>
          </label>
          <button type="button" onClick={save} data-testid="access-save">
            {t('builder.publish.save')}
          </button>
        </fieldset>
        <ol className="publish-versions">
          {doc.versions.map((v, i) => (
            <li key={v.sha256}>
              <a
                href={fileUrl(meeting.id, v.sha256)}
                target="_blank"
                rel="noopener noreferrer"
                data-testid="version-file"
              >
                {t('builder.publish.version', {
                  n: i + 1,
                  time: formatDateTime(v.uploadedAt, lang),
                })}
              </a>
            </li>
          ))}
        </ol>
      </details>
      <label className="publish-replace">
        <span>{uploading ? t('builder.publish.uploading') : t('builder.publish.replace')}</span>
        <input
          type="file"
          accept="application/pdf,.pdf"
          disabled={uploading}
          data-testid="replace-input"
          onChange={(e) => {
            replace(e.target.files?.[0]);
            e.target.value = '';
          }}
        />
      </label>
    </li>
  );
}
