// The viewer's toolbar: back to the meeting, thumbnails, page number, zoom, search, download.
import { useState, type ReactNode, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { SearchBox } from './SearchBox.tsx';
import type { Search } from './useSearch.ts';
import { ZOOM_STEPS, zoomPercent, type ZoomMode } from './zoom.ts';

interface Props {
  start?: ReactNode;
  end?: ReactNode;
  page: number;
  pageCount: number;
  goTo: (page: number) => void;
  zoom: number;
  zoomMode: ZoomMode;
  setZoom: (mode: ZoomMode) => void;
  stepZoom: (dir: 1 | -1) => void;
  sidebar: boolean;
  toggleSidebar: () => void;
  search: Search;
  searchInput: RefObject<HTMLInputElement | null>;
}

export function ViewerToolbar(props: Props) {
  const { t } = useTranslation();
  const { page, pageCount, goTo, zoom, zoomMode, setZoom, search } = props;
  const zoomValue = typeof zoomMode === 'number' ? String(zoomMode) : zoomMode;
  const custom =
    typeof zoomMode === 'number' && !(ZOOM_STEPS as readonly number[]).includes(zoomMode);
  return (
    <div className="viewer-toolbar" role="toolbar" aria-label={t('viewer.toolbar')}>
      {props.start}
      <button
        type="button"
        className="icon"
        aria-pressed={props.sidebar}
        onClick={props.toggleSidebar}
        title={t('viewer.thumbnails')}
        aria-label={t('viewer.thumbnails')}
        data-testid="viewer-sidebar-toggle"
      >
        ▤
      </button>
      <div className="viewer-group">
        <button
          type="button"
          className="icon"
          onClick={() => goTo(page - 1)}
          disabled={page <= 1}
          title={t('viewer.previousPage')}
          aria-label={t('viewer.previousPage')}
        >
          ‹
        </button>
        <PageInput key={page} page={page} pageCount={pageCount} goTo={goTo} />
        <span className="viewer-page-count">{t('viewer.pageOf', { total: pageCount })}</span>
        <button
          type="button"
          className="icon"
          onClick={() => goTo(page + 1)}
          disabled={page >= pageCount}
          title={t('viewer.nextPage')}
          aria-label={t('viewer.nextPage')}
        >
          ›
        </button>
      </div>
      <div className="viewer-group">
        <button
          type="button"
          className="icon"
          onClick={() => props.stepZoom(-1)}
          title={t('viewer.zoomOut')}
          aria-label={t('viewer.zoomOut')}
          data-testid="viewer-zoom-out"
        >
          −
        </button>
        <select
          value={zoomValue}
          onChange={(e) => {
            const v = e.target.value;
            setZoom(v === 'fitWidth' || v === 'fitPage' ? v : Number(v));
          }}
          aria-label={t('viewer.zoom')}
          data-testid="viewer-zoom"
          data-zoom={zoomPercent(zoom)}
        >
          <option value="fitWidth">{t('viewer.fitWidth')}</option>
          <option value="fitPage">{t('viewer.fitPage')}</option>
          {custom && (
            <option value={zoomValue}>{t('viewer.percent', { value: zoomPercent(zoom) })}</option>
          )}
          {ZOOM_STEPS.map((step) => (
            <option key={step} value={String(step)}>
              {t('viewer.percent', { value: zoomPercent(step) })}
            </option>
          ))}
        </select>
        <button
          type="button"
          className="icon"
          onClick={() => props.stepZoom(1)}
          title={t('viewer.zoomIn')}
          aria-label={t('viewer.zoomIn')}
          data-testid="viewer-zoom-in"
        >
          +
        </button>
      </div>
      <SearchBox search={search} pageCount={pageCount} input={props.searchInput} />
      {props.end}
    </div>
  );
}

/** The page number, editable: Enter goes there. Re-mounted (key) when the page changes. */
function PageInput({
  page,
  pageCount,
  goTo,
}: {
  page: number;
  pageCount: number;
  goTo: (page: number) => void;
}) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState(String(page));
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        const n = Number.parseInt(draft, 10);
        if (Number.isFinite(n)) goTo(Math.min(pageCount, Math.max(1, n)));
        else setDraft(String(page));
      }}
    >
      <input
        className="viewer-page-input"
        value={draft}
        inputMode="numeric"
        onChange={(e) => setDraft(e.target.value)}
        onFocus={(e) => e.target.select()}
        aria-label={t('viewer.goToPage')}
        data-testid="viewer-page-input"
      />
    </form>
  );
}
