// A refused change, named in a delegate's words: which change (the command's kind, the
// annotation's kind, the document and page it is on, the agenda item) and why (the error code
// read against the meeting as it is now, e.g. NOT_FOUND for an annotation on a document no
// longer there is "the document was withdrawn"; else the server's own message). Pure.
import type { TFunction } from 'i18next';
import type { AppError, ClientCommand, MeetingState } from '../../core/index.ts';

export interface RefusalContext {
  /** The meeting now (after the reconnect that sent the change). */
  now: MeetingState | null;
  /** The meeting as the device knew it when the change was made (names what has gone since). */
  known: MeetingState | null;
}

type Reason =
  | 'closed'
  | 'documentGone'
  | 'annotationGone'
  | 'itemGone'
  | 'missing'
  | 'forbidden'
  | 'tooLarge'
  | 'rateLimited';

/** The annotation a command is about, and the document it is on: as the device knew them. */
function annotationOf(command: ClientCommand, ctx: RefusalContext) {
  if (command.type === 'annotation.create') {
    const { documentId, page, shape } = command.payload;
    return { documentId, page, kind: shape.kind, id: command.payload.annotationId };
  }
  if (
    command.type === 'annotation.update' ||
    command.type === 'annotation.delete' ||
    command.type === 'annotation.share'
  ) {
    const id = command.payload.annotationId;
    const a = ctx.known?.annotations[id] ?? ctx.now?.annotations[id];
    const kind =
      a?.shape.kind ?? (command.type === 'annotation.update' && command.payload.shape?.kind);
    return { documentId: a?.documentId ?? null, page: a?.page ?? null, kind: kind || null, id };
  }
  return null;
}

function documentIdOf(command: ClientCommand, ctx: RefusalContext): string | null {
  if (command.type === 'document.opened' || command.type === 'presentation.start')
    return command.payload.documentId;
  return annotationOf(command, ctx)?.documentId ?? null;
}

function reasonFor(command: ClientCommand, error: AppError, ctx: RefusalContext): Reason | null {
  const { now } = ctx;
  switch (error.code) {
    case 'CONFLICT':
      return now?.status === 'closed' ? 'closed' : null;
    case 'NOT_FOUND': {
      const documentId = documentIdOf(command, ctx);
      if (now && documentId && !now.documents[documentId]) return 'documentGone';
      const a = annotationOf(command, ctx);
      if (now && a && command.type !== 'annotation.create' && !now.annotations[a.id])
        return 'annotationGone';
      if (now && command.type === 'note.save' && !now.agenda.items[command.payload.itemId])
        return 'itemGone';
      return 'missing';
    }
    case 'FORBIDDEN':
      return 'forbidden';
    case 'PAYLOAD_TOO_LARGE':
      return 'tooLarge';
    case 'RATE_LIMITED':
      return 'rateLimited';
    default:
      return null;
  }
}

/** The server's message as a clause: its closing full stop is the sentence's. */
const clause = (message: string): string => message.trim().replace(/[.。]+$/, '');

function upperFirst(text: string, lng: string): string {
  return text.charAt(0).toLocaleUpperCase(lng) + text.slice(1);
}

/**
 * The notice for a refused change, or null for a change not named here (the caller then shows
 * the error as it is).
 */
export function refusalText(
  t: TFunction,
  lng: string,
  command: ClientCommand,
  error: AppError,
  ctx: RefusalContext,
): string | null {
  const code = reasonFor(command, error, ctx);
  const reason = code
    ? t(`refusals.reason.${code}`)
    : clause(error.message) || t(`errors.${error.code}`, { defaultValue: error.code });
  const docName = (id: string | null): string | null =>
    id ? (ctx.known?.documents[id]?.name ?? ctx.now?.documents[id]?.name ?? null) : null;

  const a = annotationOf(command, ctx);
  if (a) {
    const kind = a.kind ? t(`refusals.kind.${a.kind}`) : t('refusals.kind.note');
    const doc = docName(a.documentId);
    let thing = kind;
    if (doc && a.page !== null) thing = t('refusals.onPage', { thing: kind, page: a.page, doc });
    else if (doc) thing = t('refusals.inDoc', { thing: kind, doc });
    const action =
      command.type === 'annotation.create'
        ? 'create'
        : command.type === 'annotation.update'
          ? 'update'
          : command.type === 'annotation.delete'
            ? 'delete'
            : command.type === 'annotation.share' && !command.payload.shared
              ? 'unshare'
              : 'share';
    return t(`refusals.annotation.${action}`, { thing, Thing: upperFirst(thing, lng), reason });
  }
  switch (command.type) {
    case 'note.save': {
      const item = (ctx.known ?? ctx.now)?.agenda.items[command.payload.itemId]?.title;
      return item
        ? t('refusals.noteSave', { item, reason })
        : t('refusals.noteSaveNoItem', { reason });
    }
    case 'speaker.register':
      return t('refusals.speakerRegister', { reason });
    case 'speaker.withdraw':
      return t('refusals.speakerWithdraw', { reason });
    case 'vote.cast':
      return t('refusals.voteCast', { reason });
    case 'minutes.save':
      return t('refusals.minutes', { reason });
    case 'document.opened': {
      const doc = docName(command.payload.documentId);
      return doc ? t('refusals.opened', { doc, reason }) : null;
    }
    default:
      return null;
  }
}
