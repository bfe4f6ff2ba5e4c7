// "Không đặt lại được trên phiên bản mới": the signed-in user's annotations on this document that
// re-anchoring could not place on its current version (the text they were attached to is gone).
// They are kept on the old version, never dropped: each is shown with its words and old page, so
// its owner can copy what matters and delete it. The viewer mounts this beside the document.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  unplacedAnnotations,
  type Annotation,
  type ClientCommand,
  type CommandAck,
  type MeetingState,
} from '../../core/index.ts';
import { formatNumber } from '../format.ts';
import { currentLanguage } from '../i18n/index.ts';

interface Props {
  meeting: Pick<MeetingState, 'annotations' | 'documents'>;
  documentId: string;
  userId: string;
  send: (command: ClientCommand) => Promise<CommandAck>;
}

/** What the annotation said: the highlighted words, or the note's text. */
function wordsOf(a: Annotation): string {
  if (a.shape.kind === 'highlight') return a.shape.quote;
  return a.text;
}

export function UnplacedList({ meeting, documentId, userId, send }: Props) {
  const { t, i18n } = useTranslation();
  const lang = currentLanguage(i18n.language);
  const [busy, setBusy] = useState<ReadonlySet<string>>(new Set());
  const [failed, setFailed] = useState<string | null>(null);
  const items = unplacedAnnotations(meeting, documentId, userId);
  if (items.length === 0) return null;

  const remove = async (annotationId: string) => {
    setBusy((b) => new Set(b).add(annotationId));
    setFailed(null);
    const ack = await send({ type: 'annotation.delete', payload: { annotationId } }).catch(
      () => null,
    );
    setBusy((b) => {
      const next = new Set(b);
      next.delete(annotationId);
      return next;
    });
    if (!ack?.ok) setFailed(annotationId);
  };

  return (
    <section className="unplaced-list" aria-labelledby="unplaced-title" data-testid="unplaced-list">
      <h2 id="unplaced-title">{t('annotations.reanchor.title')}</h2>
      <p className="muted">{t('annotations.reanchor.intro', { count: items.length })}</p>
      <ul>
        {items.map((a) => {
          const words = wordsOf(a);
          const comment = a.shape.kind === 'highlight' ? a.text : '';
          return (
            <li key={a.id} data-testid="unplaced-item">
              <span className="unplaced-kind">
                {t(`annotations.reanchor.kind.${a.shape.kind}`)}
              </span>{' '}
              <span className="muted">
                {t('annotations.reanchor.page', { page: formatNumber(a.page, lang) })}
              </span>
              <blockquote>{words || t('annotations.reanchor.noText')}</blockquote>
              {comment && <p>{comment}</p>}
              <button
                type="button"
                disabled={busy.has(a.id)}
                title={t('annotations.reanchor.deleteTitle')}
                onClick={() => void remove(a.id)}
              >
                {busy.has(a.id)
                  ? t('annotations.reanchor.deleting')
                  : t('annotations.reanchor.delete')}
              </button>
              {failed === a.id && (
                <p role="alert" className="error">
                  {t('annotations.reanchor.failed')}
                </p>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
