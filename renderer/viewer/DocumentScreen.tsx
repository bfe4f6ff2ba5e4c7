// The document screen (#/meetings/:id/documents/:documentId[/:page]): one meeting document in
// the viewer. The page read is kept in the address, so a reload or a shared link opens there.
import { useCallback, useMemo, useRef, useState, type CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import { WithAnnotations } from '../annotations/WithAnnotations.tsx';
import { fileUrl } from '../api/http.ts';
import { ExportButton } from '../annotations/ExportButton.tsx';
import { UnplacedList } from '../annotations/UnplacedList.tsx';
import { useSession } from '../app/session.ts';
import { documentHref, meetingHref } from '../app/route.ts';
import { useMeeting } from '../hooks/useMeeting.ts';
import { platform } from '../platform.ts';
import { PresenterBar } from '../presenter/PresenterBar.tsx';
import { usePresenter } from '../presenter/usePresenter.ts';
import { useSteadyScroll } from '../presenter/useSteadyScroll.ts';
import { cssString } from '../publish/announceText.ts';
import { useReadReceipt } from '../publish/useReadReceipt.ts';
import { PdfViewer } from './PdfViewer.tsx';

interface Props {
  meetingId: string;
  documentId: string;
  page: number | null;
  /** A search to start with (opened from a hit of the meeting's search). */
  query?: string;
}

export function DocumentScreen({ meetingId, documentId, page, query }: Props) {
  const { t } = useTranslation();
  const { user } = useSession();
  const { meeting, error, retry, rev, send, outbox, current } = useMeeting(meetingId);
  // the presenter bar coming or going must not move the page being read
  const barSlot = useRef<HTMLDivElement>(null);
  const pages = useCallback(
    () => barSlot.current?.parentElement?.querySelector<HTMLElement>('.viewer-scroll') ?? null,
    [],
  );
  useSteadyScroll(barSlot, pages);
  const presenting = usePresenter(meetingId, meeting);
  const { pageShown } = presenting;
  const [shownPage, setShownPage] = useState(page ?? 1);
  const doc = meeting?.documents[documentId];
  const receipt = useReadReceipt(meeting, documentId, user, send);
  const sha256 = doc?.sha256;
  const size = doc?.size;
  const source = useMemo(
    () => sha256 && { url: fileUrl(meetingId, sha256), token: platform.getToken(), size },
    [meetingId, sha256, size],
  );
  const onPageChange = useCallback(
    (shown: number) => {
      // replaceState: scrolling is not history, and it fires no hashchange
      const href = documentHref(meetingId, documentId, shown);
      if (window.location.hash !== href) window.history.replaceState(null, '', href);
      setShownPage(shown);
      pageShown(documentId, shown);
    },
    [meetingId, documentId, pageShown],
  );

  const back = (
    <a className="viewer-back" href={meetingHref(meetingId)} data-testid="viewer-back">
      ‹ {t('viewer.back')}
    </a>
  );
  let body;
  if (meeting && doc && source) {
    const title = (
      <span className="viewer-title" title={doc.name} data-testid="viewer-title">
        {doc.name}
        {doc.label && (
          <span className="doc-label" data-testid="viewer-label">
            {doc.label}
          </span>
        )}
      </span>
    );
    const download = (
      <a
        className="viewer-download"
        href={source.url}
        target="_blank"
        rel="noopener noreferrer"
        title={t('viewer.downloadTitle', { name: doc.name })}
      >
        {t('viewer.download')}
      </a>
    );
    body = (
      <WithAnnotations
        key={doc.id}
        meeting={meeting}
        rev={rev}
        send={send}
        outbox={outbox}
        current={current}
        userId={user.id}
        documentId={doc.id}
        sha256={doc.sha256}
      >
        {(annotationProps) => (
          <PdfViewer
            source={source}
            page={page}
            initialQuery={query}
            onPageChange={onPageChange}
            toolbarStart={
              <>
                {back}
                {title}
              </>
            }
            toolbarEnd={
              <>
                {download}
                <ExportButton meetingId={meetingId} meeting={meeting} doc={doc} user={user} />
              </>
            }
            {...annotationProps}
          />
        )}
      </WithAnnotations>
    );
  } else {
    let message = t('viewer.loadingMeeting');
    if (meeting) message = t('viewer.notFound');
    else if (error) message = `${t('meeting.joinFailed')}: ${t(`errors.${error.code}`)}`;
    body = (
      <div className="viewer">
        <div className="viewer-toolbar">{back}</div>
        <div className="viewer-message" role={meeting || error ? 'alert' : 'status'}>
          <p data-testid="viewer-screen-message">{message}</p>
          {error && !meeting && (
            <button type="button" onClick={retry}>
              {t('common.retry')}
            </button>
          )}
        </div>
      </div>
    );
  }
  // a labelled document shows its label on every page (publish.css draws it in the page)
  const label = doc?.label ?? '';
  const style = label ? ({ '--doc-label': cssString(label) } as CSSProperties) : undefined;
  return (
    <main
      className="viewer-screen"
      data-doc-label={label || undefined}
      style={style}
      aria-label={label ? t('builder.publish.labelOnPage', { label }) : undefined}
    >
      {receipt.showNotice && (
        <p className="receipt-notice" role="note" data-testid="receipt-notice">
          <span>{t('builder.publish.receiptNotice')}</span>
          <button type="button" onClick={receipt.dismiss}>
            {t('builder.publish.gotIt')}
          </button>
        </p>
      )}
      <div ref={barSlot} className="presenter-slot">
        {meeting && doc && (
          <PresenterBar
            meeting={meeting}
            presenting={presenting}
            send={send}
            shown={{ documentId, page: shownPage }}
          />
        )}
      </div>
      {meeting && doc && (
        <UnplacedList meeting={meeting} documentId={documentId} userId={user.id} send={send} />
      )}
      {body}
    </main>
  );
}
