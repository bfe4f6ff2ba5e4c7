// Draws pages into the slots the React view lays out, one job at a time, most wanted first:
// the visible pages' canvases, their text layers, a neighbour or two, the thumbnails, and in the
// background the real size of every page. Pages far from the viewport give their canvas and text
// layer back, so memory stays bounded whatever the length of the document.
import type { PDFDocumentProxy, TextLayer } from 'pdfjs-dist';
import { looksBlank } from './blank.ts';
import { paintMarks } from './highlight.ts';
import { isFar, renderOrder, type PageRange } from './layout.ts';
import { canvasJob, textJob, type Job } from './pageJobs.ts';
import { PageSizes, type SizeUpdates } from './pageSizes.ts';
import { marksByItem, type Match } from './search.ts';
import { ThumbnailJobs } from './thumbnails.ts';

/** Pages drawn beyond the visible ones, and pages kept (not redrawn) around them. */
const AHEAD = 1;
const KEEP = 2;

export interface RendererEvents {
  /** A page's canvas is drawn (page number is 1-based). */
  rendered?: (page: number) => void;
  /** Drawing a page failed for another reason than being cancelled (0-based index). */
  failed?: (index: number) => void;
  /** A page drew nothing visible (0-based index). */
  blank?: (index: number) => void;
  /** Sizes learnt from the pages themselves (each page once), to replace the guess. */
  sizes?: (updates: SizeUpdates) => void;
  /** The selected search hit is now painted: scroll it into view. */
  reveal?: (element: HTMLElement) => void;
}

interface Slot {
  host: HTMLElement | null;
  canvas: HTMLCanvasElement | null;
  /** The scale the canvas was drawn at; 0 when there is none. */
  drawnAt: number;
  text: TextLayer | null;
  textDiv: HTMLElement | null;
  painted: Set<number>;
  failed: boolean;
  /** Whether the page drew nothing; null until its first canvas is checked. */
  blank: boolean | null;
  userUnit: number;
}

/** The page job running: which page, what, at what scale. */
interface Running extends Job {
  index: number;
  kind: 'canvas' | 'text';
  scale: number;
}

export class PageRenderer {
  readonly doc: PDFDocumentProxy;
  readonly thumbs: ThumbnailJobs;
  #events: RendererEvents = {};
  readonly #slots: Slot[];
  readonly #sizes: PageSizes;
  #scale = 0;
  #range: PageRange | null = null;
  #current = 0;
  #running: Running | null = null;
  #background: Job | null = null;
  #stopped = true;
  #matches = new Map<number, Match[]>();
  #selected: { index: number; hit: number } | null = null;
  #reveal = false;

  constructor(doc: PDFDocumentProxy) {
    this.doc = doc;
    this.#slots = Array.from({ length: doc.numPages }, () => ({
      host: null,
      canvas: null,
      drawnAt: 0,
      text: null,
      textDiv: null,
      painted: new Set<number>(),
      failed: false,
      blank: null,
      userUnit: 1,
    }));
    this.#sizes = new PageSizes(doc);
    this.thumbs = new ThumbnailJobs(
      doc,
      (i) => this.#canvasOf(i),
      () => this.#pump(),
    );
  }

  setEvents(events: RendererEvents): void {
    this.#events = events;
  }

  /**
   * A page slot's layer element, or null when React unmounts it. A canvas drawn before its slot
   * was mounted (the first page, drawn while React mounts the viewer) goes in now.
   */
  attach(index: number, host: HTMLElement | null): void {
    const slot = this.#slots[index];
    if (!slot || slot.host === host) return;
    if (slot.host || !host) this.#release(index);
    slot.host = host;
    if (host && slot.canvas) this.#show(index);
    this.#pump();
  }

  setScale(scale: number): void {
    if (scale === this.#scale) return;
    this.#scale = scale;
    const r = this.#running;
    if (r?.kind === 'canvas' && r.scale !== scale) r.cancel();
    this.#pump();
  }

  /** What the viewport shows now (0-based indexes). */
  setView(range: PageRange, current: number): void {
    this.#range = range;
    this.#current = current;
    this.#slots.forEach((_, i) => {
      if (isFar(range, i, KEEP)) this.#release(i);
    });
    this.#pump();
  }

  /** Search hits per page (0-based), the selected one, and whether to scroll to it once shown. */
  setMatches(
    matches: Map<number, Match[]>,
    selected: { index: number; hit: number } | null,
    reveal: boolean,
  ): void {
    this.#matches = matches;
    this.#selected = selected;
    this.#reveal = reveal;
    this.#slots.forEach((_, i) => this.#paint(i));
  }

  /** Starts drawing (React mounts the view; in development it mounts twice). */
  start(): void {
    this.#stopped = false;
    this.#pump();
  }

  /** Stops drawing and gives back every canvas and text layer. */
  stop(): void {
    this.#stopped = true;
    this.#running?.cancel();
    this.#background?.cancel();
    this.#slots.forEach((_, i) => this.#release(i));
    this.thumbs.clear();
  }

  #canvasOf(index: number): HTMLCanvasElement | null {
    const slot = this.#slots[index];
    return slot?.drawnAt ? slot.canvas : null;
  }

  #release(index: number): void {
    const slot = this.#slots[index]!;
    const r = this.#running;
    if (r && r.index === index) r.cancel();
    if (slot.canvas) {
      slot.canvas.width = slot.canvas.height = 0; // frees the pixels now, not at the next GC
      slot.canvas.remove();
    }
    slot.text?.cancel();
    slot.textDiv?.remove();
    if (slot.canvas || slot.text) void this.doc.getPage(index + 1).then((p) => p.cleanup());
    slot.canvas = slot.text = slot.textDiv = null;
    slot.drawnAt = 0;
    slot.painted.clear();
    if (slot.host) {
      delete slot.host.dataset.rendered;
      delete slot.host.dataset.text;
    }
  }

  /**
   * Starts the most wanted page job if none runs, and a background job (a thumbnail, page sizes)
   * if nothing else is wanted. A page job does not wait for a background job: it cancels a
   * thumbnail being drawn (drawn again later) and runs beside the page-size requests.
   */
  #pump(): void {
    if (this.#stopped || this.#scale === 0) return;
    if (!this.#running) {
      const job = this.#pageJob();
      if (job) {
        this.#background?.cancel();
        this.#running = job;
        void this.#run(job.run, () => (this.#running = null));
      }
    }
    if (!this.#running && !this.#background) {
      const job = this.#backgroundJob();
      if (job) {
        this.#background = job;
        void this.#run(job.run, () => (this.#background = null));
      }
    }
  }

  async #run(job: () => Promise<void>, done: () => void): Promise<void> {
    try {
      await job();
    } catch (err) {
      console.error('viewer job failed', err);
    } finally {
      done();
      this.#pump();
    }
  }

  #pageJob(): Running | null {
    const scale = this.#scale;
    // nothing, not even a thumbnail, before the view has said which pages it shows
    if (!this.#range) return null;
    const order = renderOrder(this.#range, this.#current, this.#slots.length, AHEAD);
    for (const group of [order.visible, order.near]) {
      for (const i of group) {
        const s = this.#slots[i]!;
        // a visible page is drawn even before its slot is mounted
        const wanted = s.host || group === order.visible;
        if (wanted && !s.failed && s.drawnAt !== scale) return this.#drawCanvas(i, scale);
      }
      for (const i of group) {
        const s = this.#slots[i]!;
        if (s.host && s.canvas && !s.text) return this.#drawText(i, scale);
      }
    }
    return null;
  }

  #backgroundJob(): Job | null {
    if (!this.#range) return null;
    const thumb = this.thumbs.next(this.#current);
    if (thumb) return thumb;
    if (this.#sizes.done) return null;
    const run = async (): Promise<void> => {
      const updates = await this.#sizes.nextBatch();
      if (updates.length && !this.#stopped) this.#events.sizes?.(updates);
    };
    return { run, cancel: () => {} };
  }

  #drawCanvas(index: number, scale: number): Running {
    const slot = this.#slots[index]!;
    const page = async () => {
      const proxy = await this.doc.getPage(index + 1);
      const updates = this.#sizes.learn(index, proxy);
      if (updates.length) this.#events.sizes?.(updates);
      return proxy;
    };
    const done = (canvas: HTMLCanvasElement, proxy: { userUnit: number }): void => {
      if (slot.canvas) {
        slot.canvas.width = slot.canvas.height = 0;
        slot.canvas.remove();
      }
      slot.canvas = canvas;
      slot.drawnAt = scale;
      slot.userUnit = proxy.userUnit;
      if (slot.host) this.#show(index);
    };
    const failed = (err: unknown): void => {
      console.error(`page ${index + 1} could not be drawn`, err);
      slot.failed = true;
      this.#events.failed?.(index);
    };
    return { index, kind: 'canvas', scale, ...canvasJob(page, scale, done, failed) };
  }

  /** Puts a drawn canvas in its mounted slot. */
  #show(index: number): void {
    const slot = this.#slots[index]!;
    const { host, canvas } = slot;
    if (!host || !canvas) return;
    if (slot.userUnit !== 1) host.style.setProperty('--user-unit', String(slot.userUnit));
    host.prepend(canvas);
    host.dataset.rendered = 'true';
    this.#events.rendered?.(index + 1);
    if (slot.blank === null) setTimeout(() => this.#checkBlank(index, canvas), 0);
  }

  #drawText(index: number, scale: number): Running {
    const slot = this.#slots[index]!;
    const wanted = (): boolean => !!slot.host && !slot.text;
    const begin = (layer: TextLayer, div: HTMLDivElement): void => {
      slot.text = layer;
      slot.textDiv = div;
    };
    const done = (layer: TextLayer, div: HTMLDivElement): void => {
      if (slot.text !== layer || !slot.host) return;
      slot.host.append(div);
      slot.host.dataset.text = 'true';
      this.#paint(index);
    };
    const page = () => this.doc.getPage(index + 1);
    return { index, kind: 'text', scale, ...textJob(page, scale, wanted, begin, done) };
  }

  #checkBlank(index: number, canvas: HTMLCanvasElement): void {
    const slot = this.#slots[index]!;
    if (slot.canvas !== canvas || slot.blank !== null) return;
    slot.blank = looksBlank(canvas);
    if (slot.blank) this.#events.blank?.(index);
  }

  #paint(index: number): void {
    const slot = this.#slots[index]!;
    if (!slot.text || !slot.textDiv?.isConnected) return;
    const selected = this.#selected?.index === index ? this.#selected.hit : null;
    const marks = marksByItem(this.#matches.get(index) ?? [], selected);
    const el = paintMarks(slot.text.textDivs, slot.text.textContentItemsStr, marks, slot.painted);
    if (el && this.#reveal) {
      this.#reveal = false;
      this.#events.reveal?.(el);
    }
  }
}
