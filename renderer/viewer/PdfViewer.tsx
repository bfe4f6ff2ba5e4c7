// The document viewer: opens a PDF with pdf.js and shows it, or says why it cannot.
// Used by the document screen and, on its own, by the viewer benchmark (bench/viewer-pages/).
import type { PDFDocumentProxy } from 'pdfjs-dist';
import { useRef, useState } from 'react';
import { firstView } from './firstView.ts';
import type { PageSize } from './layout.ts';
import { pdfWorker, type PdfSource } from './pdfjs.ts';
import { usePdfDocument } from './useDocument.ts';
import { ViewerBody, type ViewerOptions } from './ViewerBody.tsx';
import { ViewerMessage } from './ViewerMessage.tsx';
import './viewer.css';

export type { ViewerApi, ViewerOptions } from './ViewerBody.tsx';
export type { PageOverlayInfo } from './PagesView.tsx';

// the worker takes longer to start than a page takes to draw: start it (if the document route
// has not already) as soon as the viewer loads
pdfWorker();

/** The thumbnails start open on screens wide enough for them. */
const SIDEBAR_MIN_WIDTH = 900;

export function PdfViewer(props: ViewerOptions & { source: PdfSource }) {
  const [attempt, setAttempt] = useState(0);
  const [sidebar] = useState(() => window.innerWidth >= SIDEBAR_MIN_WIDTH);
  // while loading, the same frame as when showing: its scroll area gives the first zoom
  const scroller = useRef<HTMLDivElement>(null);
  const prepare = (doc: PDFDocumentProxy, guess: PageSize) => {
    const el = scroller.current;
    const box = el && { width: el.clientWidth, height: el.clientHeight };
    const renderer = firstView(doc, guess, props.page, props.initialZoom ?? 'fitWidth', box);
    return { renderer, box };
  };
  const state = usePdfDocument(props.source, attempt, props.page ?? 1, prepare);
  if (state.kind === 'ready') {
    const { doc, guess, renderer, box } = state;
    return (
      <ViewerBody
        key={attempt}
        {...props}
        doc={doc}
        guess={guess}
        renderer={renderer}
        box={box}
        sidebar={sidebar}
      />
    );
  }
  return (
    <div className="viewer" data-testid="viewer" data-state={state.kind}>
      <div className="viewer-toolbar">
        {props.toolbarStart}
        <span className="viewer-spacer" />
        {props.toolbarEnd}
      </div>
      <div className="viewer-body">
        {sidebar && <div className="viewer-thumbs" />}
        <div className="viewer-scroll" ref={scroller}>
          <ViewerMessage state={state} retry={() => setAttempt((n) => n + 1)} />
        </div>
      </div>
    </div>
  );
}
