// The selected annotation's card, next to it on the page: its text, colour, sharing and delete
// for its author; its author and text for everyone else.
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Annotation } from '../../core/index.ts';
import { ColourSwatches } from './ColourSwatches.tsx';
import { useAnnotationUi } from './context.ts';
import type { CssRect } from './geometry.ts';

const CARD_WIDTH = 260;

interface Props {
  annotation: Annotation;
  box: CssRect;
  pageWidth: number;
  pageHeight: number;
}

/** Room kept for the card under an annotation; else it opens above it (the page clips). */
const CARD_HEIGHT = 230;

export function AnnotationEditor({ annotation: a, box, pageWidth, pageHeight }: Props) {
  const { t } = useTranslation();
  const { model, select } = useAnnotationUi();
  const mine = a.author === model.userId;
  const [draft, setDraft] = useState(a.text);
  const text = useRef<HTMLTextAreaElement>(null);
  const hasText = a.shape.kind === 'note' || a.shape.kind === 'text';
  // a new note or text box: straight to typing
  useEffect(() => {
    if (!mine || !hasText || a.text) return;
    // after the press that placed it, whose default would focus the pages again
    const timer = setTimeout(() => text.current?.focus(), 0);
    return () => clearTimeout(timer);
  }, []); // eslint-disable-line react-hooks/exhaustive-deps
  // an edit from another device shows, unless one is typing here
  useEffect(() => {
    if (document.activeElement !== text.current) setDraft(a.text);
  }, [a.text]);

  const commit = (): void => {
    if (mine && draft !== a.text)
      model.run({ type: 'annotation.update', payload: { annotationId: a.id, text: draft } });
  };
  const run = (f: () => void) => () => {
    commit();
    f();
  };
  const left = Math.max(0, Math.min(box.left, pageWidth - CARD_WIDTH));
  const below = box.top + box.height + 6;
  const top = below + CARD_HEIGHT > pageHeight ? Math.max(0, box.top - CARD_HEIGHT - 6) : below;
  const kind = t(`annotations.kind.${a.shape.kind}`);
  return (
    <div
      className="annot-editor"
      role="dialog"
      aria-label={t('annotations.editor', { kind })}
      data-testid="annotation-editor"
      style={{ left, top, width: CARD_WIDTH }}
      onPointerDown={(e) => e.stopPropagation()}
    >
      <div className="annot-editor-head">
        <strong>{kind}</strong>
        <span className="muted" data-testid="annotation-author">
          {mine ? t('annotations.mine') : t('annotations.by', { name: model.authorName(a.author) })}
        </span>
        <button
          type="button"
          className="annot-close"
          aria-label={t('annotations.close')}
          title={t('annotations.close')}
          onClick={run(() => select(null))}
        >
          ×
        </button>
      </div>
      {a.shape.kind === 'highlight' && (
        <blockquote className="annot-quote">{a.shape.quote}</blockquote>
      )}
      {mine ? (
        <label className="annot-editor-text">
          <span>{hasText ? t('annotations.text') : t('annotations.comment')}</span>
          <textarea
            ref={text}
            value={draft}
            rows={3}
            maxLength={5000}
            placeholder={t('annotations.placeholder')}
            onChange={(e) => setDraft(e.target.value)}
            onBlur={commit}
            onKeyDown={(e) => {
              if (e.key === 'Escape') run(() => select(null))();
              if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) commit();
            }}
          />
        </label>
      ) : (
        a.text && <p className="annot-editor-readonly">{a.text}</p>
      )}
      {mine && (
        <>
          <ColourSwatches
            className="annot-editor-row"
            value={a.color}
            onPick={(color) =>
              a.color !== color &&
              model.run({ type: 'annotation.update', payload: { annotationId: a.id, color } })
            }
          />
          <div className="annot-editor-row">
            <label className="check annot-share">
              <input
                type="checkbox"
                checked={a.shared}
                data-testid="annotation-share"
                onChange={(e) =>
                  model.run({
                    type: 'annotation.share',
                    payload: { annotationId: a.id, shared: e.target.checked },
                  })
                }
              />
              {t('annotations.share')}
            </label>
            <span className={a.shared ? 'badge info' : 'badge'} data-testid="annotation-visibility">
              {a.shared ? t('annotations.shared') : t('annotations.private')}
            </span>
            <span className="viewer-spacer" />
            <button
              type="button"
              className="danger"
              data-testid="annotation-delete"
              onClick={() => {
                model.run({ type: 'annotation.delete', payload: { annotationId: a.id } });
                select(null);
              }}
            >
              {t('annotations.delete')}
            </button>
          </div>
        </>
      )}
    </div>
  );
}
