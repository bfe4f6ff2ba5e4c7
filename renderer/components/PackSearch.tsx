// One search box for every document of the meeting: the server finds the words (marks optional,
// "ngan sach" finds "ngân sách"); hits are listed by document and page, each opening the viewer
// at its page with the same search started there.
import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { flattenAgenda, type Agenda, type DocumentInfo } from '../../core/index.ts';
import type { PackSearchResult, Snippet } from '../../core/packSearch.ts';
import { foldForSearch } from '../../core/text.ts';
import { api, ApiError } from '../api/http.ts';
import { documentHref } from '../app/route.ts';
import { formatNumber } from '../format.ts';
import { currentLanguage } from '../i18n/index.ts';
import '../styles/packSearch.css';

/** Typing pauses this long before the search runs (Enter runs it at once). */
const DEBOUNCE_MS = 400;

type State =
  | { kind: 'idle' }
  | { kind: 'searching'; query: string }
  | { kind: 'done'; query: string; result: PackSearchResult }
  | { kind: 'failed'; query: string; error: ApiError };

interface Props {
  meetingId: string;
  agenda: Agenda;
  documents: DocumentInfo[];
}

export function PackSearch({ meetingId, agenda, documents }: Props) {
  const { t, i18n } = useTranslation();
  const lang = currentLanguage(i18n.language);
  const [query, setQuery] = useState('');
  const [state, setState] = useState<State>({ kind: 'idle' });
  const seq = useRef(0);
  /** The query last searched: the pause after Enter does not search it again. */
  const last = useRef('');
  const numbers = useMemo(
    () => new Map(flattenAgenda(agenda).map((e) => [e.item.id, e.number])),
    [agenda],
  );
  const names = useMemo(() => new Map(documents.map((d) => [d.id, d.name])), [documents]);

  const run = (q: string): void => {
    const mine = ++seq.current;
    last.current = q;
    if (!foldForSearch(q)) {
      setState({ kind: 'idle' });
      return;
    }
    setState({ kind: 'searching', query: q });
    api.searchPack(meetingId, q).then(
      (result) => {
        if (seq.current === mine) setState({ kind: 'done', query: q, result });
      },
      (err: unknown) => {
        if (seq.current !== mine) return;
        const error =
          err instanceof ApiError ? err : new ApiError('INTERNAL', String(err), 0, null);
        setState({ kind: 'failed', query: q, error });
      },
    );
  };
  const runLatest = useRef(run);
  useEffect(() => {
    runLatest.current = run;
  });

  useEffect(() => {
    if (query === last.current) return;
    // (Enter may have searched for it meanwhile: a second search would blank the results)
    const timer = setTimeout(() => {
      if (query !== last.current) runLatest.current(query);
    }, DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [query]);

  const submit = (e: FormEvent): void => {
    e.preventDefault();
    run(query);
  };
  const num = (n: number) => formatNumber(n, lang);

  return (
    <section className="panel pack-search" aria-labelledby="pack-search-heading">
      <h2 id="pack-search-heading">{t('packSearch.title')}</h2>
      <form role="search" className="pack-search-form" onSubmit={submit}>
        <input
          type="search"
          value={query}
          maxLength={100}
          onChange={(e) => setQuery(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Escape') setQuery('');
          }}
          placeholder={t('packSearch.placeholder')}
          aria-label={t('packSearch.label')}
          data-testid="pack-search-input"
        />
        <button type="submit" className="primary" data-testid="pack-search-submit">
          {t('packSearch.submit')}
        </button>
      </form>
      <div aria-live="polite" data-testid="pack-search-status" data-state={state.kind}>
        {state.kind === 'searching' && <p className="muted">{t('packSearch.searching')}</p>}
        {state.kind === 'failed' && (
          <p className="pack-search-error" role="alert">
            {t('packSearch.failed')}: {t(`errors.${state.error.code}`)}{' '}
            <span className="muted">{state.error.message}</span>
          </p>
        )}
        {state.kind === 'done' && (
          <Summary result={state.result} names={names} num={num} query={state.query} />
        )}
      </div>
      {state.kind === 'done' && state.result.documents.length > 0 && (
        <ol className="pack-search-docs" data-testid="pack-search-results">
          {state.result.documents.map((doc) => (
            <li key={doc.documentId} data-testid="pack-search-document">
              <div className="pack-search-doc">
                {numbers.get(doc.itemId) && (
                  <span className="pack-search-item">{numbers.get(doc.itemId)}</span>
                )}
                <span className="pack-search-name">{doc.name}</span>
                <span className="muted">
                  {t('packSearch.hits', { count: doc.hits, num: num(doc.hits) })}
                </span>
              </div>
              <ul className="pack-search-pages">
                {doc.pages.map((p) => (
                  <li key={p.page}>
                    <a
                      href={documentHref(meetingId, doc.documentId, p.page, state.query)}
                      title={t('packSearch.openAt', { name: doc.name, page: p.page })}
                      data-testid="pack-search-hit"
                      data-page={p.page}
                    >
                      <span className="pack-search-page">
                        {t('packSearch.page', { page: num(p.page) })}
                      </span>
                      {p.snippets.map((s, i) => (
                        <SnippetText key={i} snippet={s} first={i === 0} />
                      ))}
                    </a>
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

function Summary({
  result,
  names,
  num,
  query,
}: {
  result: PackSearchResult;
  names: Map<string, string>;
  num: (n: number) => string;
  query: string;
}) {
  const { t } = useTranslation();
  const lines: string[] = [];
  if (result.total === 0) lines.push(t('packSearch.none', { query }));
  else
    lines.push(
      t('packSearch.summary', {
        hits: t('packSearch.hits', { count: result.total, num: num(result.total) }),
        docs: t('packSearch.docs', {
          count: result.documents.length,
          num: num(result.documents.length),
        }),
      }),
    );
  if (result.capped) lines.push(t('packSearch.capped', { count: result.total }));
  if (result.pending.length > 0)
    lines.push(t('packSearch.pending', { count: result.pending.length }));
  if (result.unsearchable.length > 0)
    lines.push(
      t('packSearch.unsearchable', {
        count: result.unsearchable.length,
        names: result.unsearchable.map((id) => names.get(id) ?? id).join(', '),
      }),
    );
  return (
    <div className="pack-search-summary">
      {lines.map((line, i) => (
        <p
          key={i}
          className={i === 0 ? undefined : 'muted'}
          data-testid={i === 0 ? 'pack-search-summary' : undefined}
        >
          {line}
        </p>
      ))}
    </div>
  );
}

/** A snippet with the words found in bold; snippets of a page run on, "…" between them. */
function SnippetText({ snippet, first }: { snippet: Snippet; first: boolean }) {
  const parts: { text: string; hit: boolean }[] = [];
  let at = 0;
  for (const [start, end] of snippet.marks) {
    if (start > at) parts.push({ text: snippet.text.slice(at, start), hit: false });
    parts.push({ text: snippet.text.slice(Math.max(start, at), end), hit: true });
    at = Math.max(at, end);
  }
  if (at < snippet.text.length) parts.push({ text: snippet.text.slice(at), hit: false });
  return (
    <span className="pack-search-snippet">
      {snippet.cutStart && first && '… '}
      {parts.map((p, i) => (p.hit ? <mark key={i}>{p.text}</mark> : <span key={i}>{p.text}</span>))}
      {snippet.cutEnd ? ' … ' : ' '}
    </span>
  );
}
