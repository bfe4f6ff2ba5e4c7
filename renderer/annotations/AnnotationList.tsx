// The document's annotations the user sees, page by page, to jump to one.
import { useTranslation } from 'react-i18next';
import type { Annotation } from '../../core/index.ts';
import { useAnnotationUi } from './context.ts';

function summary(a: Annotation): string {
  if (a.shape.kind === 'highlight')
    return a.text ? `“${a.shape.quote}” — ${a.text}` : `“${a.shape.quote}”`;
  return a.text;
}

export function AnnotationList() {
  const { t } = useTranslation();
  const ui = useAnnotationUi();
  if (!ui.listOpen) return null;
  const { annotations, userId, authorName } = ui.model;
  return (
    <aside className="annot-list" aria-label={t('annotations.list')} data-testid="annotation-list">
      <h2>{t('annotations.list')}</h2>
      {annotations.length === 0 && <p className="muted">{t('annotations.listEmpty')}</p>}
      <ul>
        {annotations.map((a) => (
          <li key={a.id}>
            <button
              type="button"
              className="annot-list-item"
              aria-current={ui.selectedId === a.id}
              data-annotation-id={a.id}
              onClick={() => ui.reveal(a.id)}
            >
              <span className="annot-dot" style={{ background: a.color }} aria-hidden="true" />
              <span className="annot-list-main">
                <span className="annot-list-meta">
                  {t(`annotations.kind.${a.shape.kind}`)} ·{' '}
                  {t('annotations.page', { page: a.page })}
                  {a.shared && ` · ${t('annotations.shared')}`}
                  {a.author !== userId &&
                    ` · ${t('annotations.by', { name: authorName(a.author) })}`}
                </span>
                <span className="annot-list-text">{summary(a) || t('annotations.emptyText')}</span>
              </span>
            </button>
          </li>
        ))}
      </ul>
    </aside>
  );
}
