// The search field of the toolbar: type to search, Enter for the next hit, Shift+Enter for the
// previous one, Escape to clear.
import type { RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { Search } from './useSearch.ts';

export function SearchBox({
  search,
  pageCount,
  input,
}: {
  search: Search;
  pageCount: number;
  input: RefObject<HTMLInputElement | null>;
}) {
  const { t } = useTranslation();
  const { query, hits, selected, done, scanned } = search;
  let status = '';
  if (query.trim() && !done)
    status = t('viewer.searching', { percent: Math.floor((100 * scanned) / pageCount) });
  else if (query.trim() && search.searched === query && hits.length === 0)
    status = t('viewer.noHits');
  if (hits.length > 0)
    status = t('viewer.hits', {
      current: selected === null ? 0 : selected + 1,
      total: hits.length,
    });
  return (
    <div className="viewer-search" role="search">
      <input
        ref={input}
        type="search"
        value={query}
        onChange={(e) => search.setQuery(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            search.step(e.shiftKey ? -1 : 1);
          } else if (e.key === 'Escape') {
            search.setQuery('');
          }
        }}
        placeholder={t('viewer.searchPlaceholder')}
        aria-label={t('viewer.search')}
        data-testid="viewer-search"
      />
      <span
        className="viewer-search-status"
        aria-live="polite"
        data-testid="viewer-search-status"
        data-done={done && search.searched === query}
      >
        {status}
      </span>
      <button
        type="button"
        className="icon"
        onClick={() => search.step(-1)}
        disabled={hits.length === 0}
        title={t('viewer.previousHit')}
        aria-label={t('viewer.previousHit')}
      >
        ▲
      </button>
      <button
        type="button"
        className="icon"
        onClick={() => search.step(1)}
        disabled={hits.length === 0}
        title={t('viewer.nextHit')}
        aria-label={t('viewer.nextHit')}
        data-testid="viewer-next-hit"
      >
        ▼
      </button>
    </div>
  );
}
