// Annotation previews (`annotation:preview`, docs/protocol.md §14): changes the server decided but
// has not written yet, shown over the synced annotations until their durable event arrives, or
// for PREVIEW_TTL_MS at most (the write may have failed; the author's outbox sends it again).
// They never touch the revision or the state kept on the device. Pure, so it is unit-tested.
import type { Annotation, MeetingEvent, PreviewEvent } from '../../core/index.ts';

/** How long a preview is shown without its durable event. */
export const PREVIEW_TTL_MS = 10_000;
/** More previews than this waiting at once: the oldest go (a flood is not worth the memory). */
const MAX_PREVIEWS = 500;

export interface PreviewEntry {
  event: PreviewEvent;
  /** When it stops being shown, durable event or not (ms, the engine's clock). */
  expiresAt: number;
}

/** Waiting previews, in the order they arrived (the server's order for one annotation). */
export type Previews = readonly PreviewEntry[];

export const NO_PREVIEWS: Previews = [];

const TYPES: ReadonlySet<string> = new Set([
  'annotation.created',
  'annotation.updated',
  'annotation.deleted',
]);

/** The events of a preview message worth keeping: known types with an annotation id. */
export function previewEvents(events: unknown): PreviewEvent[] {
  if (!Array.isArray(events)) return [];
  return events.filter((e: unknown): e is PreviewEvent => {
    if (typeof e !== 'object' || e === null) return false;
    const { type, payload } = e as { type?: unknown; payload?: unknown };
    return typeof type === 'string' && TYPES.has(type) && !!idOf({ type, payload } as PreviewEvent);
  });
}

function idOf(e: PreviewEvent): string | undefined {
  const p = e.payload as { annotation?: { id?: unknown }; annotationId?: unknown } | undefined;
  const id = e.type === 'annotation.created' ? p?.annotation?.id : p?.annotationId;
  return typeof id === 'string' ? id : undefined;
}

/** Adds the events of a preview message, each shown until `now + PREVIEW_TTL_MS`. */
export function received(previews: Previews, events: PreviewEvent[], now: number): Previews {
  if (events.length === 0) return previews;
  const added = events.map((event) => ({ event, expiresAt: now + PREVIEW_TTL_MS }));
  return [...previews, ...added].slice(-MAX_PREVIEWS);
}

/**
 * Drops the previews that durable events make obsolete: for each annotation, those up to the
 * change the durable event is (the server sends both in the same order). A durable change of a
 * version covers the previews up to that version; a durable delete, everything up to the
 * previewed delete (a later create is the annotation made again, e.g. an undo).
 */
export function settled(previews: Previews, durable: readonly MeetingEvent[]): Previews {
  if (previews.length === 0) return previews;
  let left = previews;
  for (const e of durable) {
    switch (e.type) {
      case 'annotation.created':
        left = dropUpTo(left, e.payload.annotation.id, (p) => p.type === 'annotation.created');
        break;
      case 'annotation.shared':
        left = covered(left, e.payload.annotation.id, e.payload.annotation.version);
        break;
      case 'annotation.updated':
      case 'annotation.unshared':
      case 'annotation.reanchored':
        left = covered(left, e.payload.annotationId, e.payload.version);
        break;
      case 'annotation.deleted':
        left = dropUpTo(left, e.payload.annotationId, (p) => p.type === 'annotation.deleted', true);
        break;
      default:
        break;
    }
  }
  return left;
}

/** Drops one annotation's previews up to the first that `isIt` (all of them when none is). */
function dropUpTo(
  previews: Previews,
  id: string,
  isIt: (e: PreviewEvent) => boolean,
  allIfNone = false,
): Previews {
  const mine = previews.filter((p) => idOf(p.event) === id);
  if (mine.length === 0) return previews;
  const at = mine.findIndex((p) => isIt(p.event));
  if (at < 0 && !allIfNone) return previews;
  const gone = new Set(at < 0 ? mine : mine.slice(0, at + 1));
  return previews.filter((p) => !gone.has(p));
}

/** Drops one annotation's create and the changes up to `version`: the durable state has them. */
function covered(previews: Previews, id: string, version: number): Previews {
  const left = previews.filter((p) => {
    if (idOf(p.event) !== id) return true;
    if (p.event.type === 'annotation.created') return false;
    return !(p.event.type === 'annotation.updated' && p.event.payload.version <= version);
  });
  return left.length === previews.length ? previews : left;
}

/** Drops the previews whose time is up. */
export function expired(previews: Previews, now: number): Previews {
  const left = previews.filter((p) => p.expiresAt > now);
  return left.length === previews.length ? previews : left;
}

/** When the next preview expires, or null. */
export function nextExpiry(previews: Previews): number | null {
  return previews.length ? Math.min(...previews.map((p) => p.expiresAt)) : null;
}

/**
 * The annotations as shown: the synced ones with the previews applied in order. The durable state
 * wins: a create is not shown over an annotation that exists, a change not over the same or a
 * newer version, and a change or delete of an annotation that is not there (deleted durably)
 * is ignored.
 */
export function withPreviews(
  synced: Record<string, Annotation>,
  previews: Previews,
): Record<string, Annotation> {
  if (previews.length === 0) return synced;
  const all = { ...synced };
  for (const { event: e } of previews) {
    switch (e.type) {
      case 'annotation.created': {
        const a = e.payload.annotation;
        if (!all[a.id]) all[a.id] = a;
        break;
      }
      case 'annotation.updated': {
        const { annotationId, changes, updatedAt, version } = e.payload;
        const a = all[annotationId];
        if (a && a.version < version) all[a.id] = { ...a, ...changes, updatedAt, version };
        break;
      }
      case 'annotation.deleted':
        delete all[e.payload.annotationId];
        break;
    }
  }
  return all;
}
