// What the annotation parts of the viewer share: the user's annotations, the tool in hand, the
// selected annotation, and the pages' viewports.
import type { PageViewport } from 'pdfjs-dist';
import { createContext, useContext } from 'react';
import type { AnnotationShape } from '../../core/index.ts';
import type { ViewerApi } from '../viewer/PdfViewer.tsx';
import type { Tool, ToolColours } from './tools.ts';
import type { AnnotationsModel } from './useAnnotations.ts';

export interface AnnotationUi {
  model: AnnotationsModel;
  documentId: string;
  tool: Tool;
  setTool: (tool: Tool) => void;
  colours: ToolColours;
  setColour: (colour: string) => void;
  width: number;
  setWidth: (width: number) => void;
  selectedId: string | null;
  select: (id: string | null) => void;
  /** Makes an annotation of one's own (private) and returns its id. */
  create: (page: number, color: string, shape: AnnotationShape, select?: boolean) => string;
  viewer: ViewerApi | null;
  /** Each page's viewport at the shown scale, kept by its layer while mounted. */
  viewports: Map<number, PageViewport>;
  /** Pages whose canvas has been drawn (1-based). */
  drawn: ReadonlySet<number>;
  listOpen: boolean;
  toggleList: () => void;
  /** Shows an annotation: its page, and selects it. */
  reveal: (id: string) => void;
}

export const AnnotationContext = createContext<AnnotationUi | null>(null);

export function useAnnotationUi(): AnnotationUi {
  const ui = useContext(AnnotationContext);
  if (!ui) throw new Error('useAnnotationUi() outside <WithAnnotations>');
  return ui;
}
