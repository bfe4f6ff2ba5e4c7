// Annotations in the document viewer: gives the viewer its tool bar row, a layer per page and
// the list panel, and handles the keys (tools, undo/redo, delete).
import type { PageViewport } from 'pdfjs-dist';
import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { AnnotationShape, ClientCommand, CommandAck, MeetingState } from '../../core/index.ts';
import { newCommandId } from '../sync/ids.ts';
import type { PageOverlayInfo, ViewerApi, ViewerOptions } from '../viewer/PdfViewer.tsx';
import { AnnotationLayer } from './AnnotationLayer.tsx';
import { AnnotationList } from './AnnotationList.tsx';
import { AnnotationToolbar } from './AnnotationToolbar.tsx';
import { AnnotationContext, type AnnotationUi } from './context.ts';
import { highlightsFromSelection } from './selection.ts';
import { DEFAULT_COLOURS, TOOL_KEYS, TOOLS, WIDTHS, type Tool, type ToolColours } from './tools.ts';
import type { OutboxRecord } from '../offline/meetingStore.ts';
import { useAnnotations } from './useAnnotations.ts';
import './annotations.css';

type ViewerProps = Pick<
  ViewerOptions,
  'renderOverlay' | 'subToolbar' | 'sidePanel' | 'onReady' | 'onPageRendered'
>;

interface Props {
  meeting: MeetingState;
  rev: number | null;
  send: (command: ClientCommand) => Promise<CommandAck>;
  /** Commands waiting for the server, kept on the device (shown after a reload offline too). */
  outbox?: readonly OutboxRecord[];
  /** The meeting at this moment (names a refused change against it). */
  current?: () => MeetingState | null;
  userId: string;
  documentId: string;
  sha256: string;
  children: (viewerProps: ViewerProps) => ReactNode;
}

const renderOverlay = (info: PageOverlayInfo) => <AnnotationLayer info={info} />;

function typingIn(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  return !!el && (el.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName));
}

export function WithAnnotations(props: Props) {
  const { documentId } = props;
  const model = useAnnotations(props);
  const [tool, setTool] = useState<Tool>('select');
  const [colours, setColours] = useState<ToolColours>(DEFAULT_COLOURS);
  const [width, setWidth] = useState<number>(WIDTHS.medium);
  const [chosen, select] = useState<string | null>(null);
  const [viewer, setViewer] = useState<ViewerApi | null>(null);
  const [listOpen, setListOpen] = useState(false);
  const [viewports] = useState(() => new Map<number, PageViewport>());
  // a page's layer waits for its canvas: pdf.js then has the page at hand, and the first page
  // is not kept waiting by the layers' requests
  const [drawn, setDrawn] = useState<ReadonlySet<number>>(() => new Set());

  // a selected annotation that went away (deleted here or on another device, unshared) is not
  const selectedId = chosen && model.byId.has(chosen) ? chosen : null;
  const { run } = model;
  const create = useCallback(
    (page: number, color: string, shape: AnnotationShape, andSelect = false): string => {
      const annotationId = newCommandId();
      run({
        type: 'annotation.create',
        payload: { annotationId, documentId, page, color, text: '', shape, shared: false },
      });
      if (andSelect) select(annotationId);
      return annotationId;
    },
    [run, documentId],
  );

  const setColour = useCallback(
    (colour: string) => {
      if (tool !== 'select') setColours((c) => ({ ...c, [tool]: colour }));
    },
    [tool],
  );

  // a selection made with the highlighter (or made first, then the highlighter taken) is marked
  const highlightSelection = useCallback(() => {
    const found = highlightsFromSelection((page) => viewports.get(page));
    for (const h of found) create(h.page, colours.highlight, h.shape);
    if (found.length) window.getSelection()?.removeAllRanges();
  }, [viewports, create, colours.highlight]);
  const chooseTool = useCallback(
    (next: Tool) => {
      setTool(next);
      if (next === 'highlight') highlightSelection();
    },
    [highlightSelection],
  );
  useEffect(() => {
    if (tool !== 'highlight') return;
    const onUp = (): void => void setTimeout(highlightSelection, 0);
    document.addEventListener('pointerup', onUp);
    document.addEventListener('keyup', onUp);
    return () => {
      document.removeEventListener('pointerup', onUp);
      document.removeEventListener('keyup', onUp);
    };
  }, [tool, highlightSelection]);

  const latest = useRef({ model, selectedId, chooseTool });
  useEffect(() => {
    latest.current = { model, selectedId, chooseTool };
  });
  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      if (e.defaultPrevented || e.altKey || typingIn(e.target)) return;
      const { model: m, selectedId: sel, chooseTool: choose } = latest.current;
      const mod = e.ctrlKey || e.metaKey;
      const key = e.key.toLowerCase();
      if (mod && key === 'z' && !e.shiftKey) m.undo();
      else if (mod && ((key === 'z' && e.shiftKey) || key === 'y')) m.redo();
      else if (mod) return;
      else if ((e.key === 'Delete' || e.key === 'Backspace') && sel) {
        const a = m.byId.get(sel);
        if (!a || a.author !== m.userId) return;
        m.run({ type: 'annotation.delete', payload: { annotationId: sel } });
        select(null);
      } else if (e.key === 'Escape' && sel) select(null);
      else {
        const t = TOOLS.find((x) => TOOL_KEYS[x].toLowerCase() === key);
        if (!t || e.shiftKey) return;
        choose(t);
      }
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const reveal = useCallback(
    (id: string) => {
      const a = model.byId.get(id);
      if (!a) return;
      viewer?.goTo(a.page);
      select(id);
    },
    [model.byId, viewer],
  );

  const ui: AnnotationUi = {
    model,
    documentId,
    tool,
    setTool: chooseTool,
    colours,
    setColour,
    width,
    setWidth,
    selectedId,
    select,
    create,
    viewer,
    viewports,
    drawn,
    listOpen,
    toggleList: () => setListOpen((o) => !o),
    reveal,
  };
  const viewerProps = useMemo<ViewerProps>(
    () => ({
      renderOverlay,
      onReady: setViewer,
      onPageRendered: (page: number) =>
        setDrawn((prev) => (prev.has(page) ? prev : new Set(prev).add(page))),
      subToolbar: <AnnotationToolbar />,
      sidePanel: <AnnotationList />,
    }),
    [],
  );
  // the viewer re-renders when the screen does, not at each tool or selection change: the
  // annotation parts in it read the context
  const { children } = props;
  const content = useMemo(() => children(viewerProps), [children, viewerProps]);
  return <AnnotationContext.Provider value={ui}>{content}</AnnotationContext.Provider>;
}
