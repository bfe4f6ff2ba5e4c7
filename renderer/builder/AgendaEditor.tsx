// The agenda as the secretary builds it: nested items, reordered by drag and drop (dnd-kit, with
// its keyboard sensor) or by buttons; every move is one `agenda.move` command.
import {
  closestCenter,
  DndContext,
  KeyboardSensor,
  PointerSensor,
  useSensor,
  useSensors,
  type DragEndEvent,
} from '@dnd-kit/core';
import {
  SortableContext,
  sortableKeyboardCoordinates,
  useSortable,
  verticalListSortingStrategy,
} from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  MAX_AGENDA_DEPTH,
  type AgendaItem,
  type ClientCommand,
  type CommandAck,
  type MeetingState,
  withItemMoved,
} from '../../core/index.ts';
import {
  changesPlace,
  flatItems,
  indent,
  moveDown,
  moveUp,
  outdent,
  projectDrop,
  type FlatItem,
  type Move,
} from './agendaMoves.ts';
import { AgendaItemForm, type ItemFields } from './AgendaItemForm.tsx';
import { ItemDocuments } from './ItemDocuments.tsx';
import type { Uploads } from './useUploads.ts';

/** Pixels of indentation per level; a drag this far sideways changes the level by one. */
const INDENT_PX = 32;

type MoveAction = 'up' | 'down' | 'indent' | 'outdent';
const MOVES: Record<MoveAction, (a: MeetingState['agenda'], id: string) => Move | null> = {
  up: moveUp,
  down: moveDown,
  indent,
  outdent,
};
const MOVE_GLYPHS: Record<MoveAction, string> = { up: '↑', down: '↓', indent: '→', outdent: '←' };

interface Props {
  meeting: MeetingState;
  run: (command: ClientCommand) => void;
  send: (command: ClientCommand) => Promise<CommandAck>;
  uploads: Uploads;
}

export function AgendaEditor({ meeting, run, send, uploads }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const agenda = meeting.agenda;
  const flat = flatItems(agenda);
  const [editing, setEditing] = useState<string | null>(null);
  const [dragging, setDragging] = useState<string | null>(null);
  const [said, setSaid] = useState('');
  const focusAfter = useRef<{ itemId: string; action: MoveAction; number: string } | null>(null);
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 6 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );
  const titleOf = (itemId: unknown): string =>
    agenda.items[String(itemId)]?.title ?? String(itemId);

  // a moved row is a new place in the page: the focus follows it, so the keys can go on
  useEffect(() => focusMoved(focusAfter), [agenda]);

  const move = async (m: Move, action?: MoveAction): Promise<void> => {
    if (!changesPlace(agenda, m)) return;
    const ack = await send({ type: 'agenda.move', payload: m });
    if (!ack.ok) {
      setSaid(`${t(`errors.${ack.error.code}`)} ${ack.error.message}`);
      return;
    }
    const moved = withItemMoved(agenda, m.itemId, m.parentId, m.index);
    const number = flatItems(moved).find((f) => f.id === m.itemId)?.number ?? '';
    setSaid(t('builder.agenda.moved', { title: titleOf(m.itemId), number }));
    if (action) {
      focusAfter.current = { itemId: m.itemId, action, number };
      focusMoved(focusAfter); // the moved agenda may have arrived before the answer
    }
  };

  // moved rows announce where they went (the dnd-kit announcer covers the drag itself)
  useEffect(() => {
    if (!said) return;
    const timer = setTimeout(() => setSaid(''), 5000);
    return () => clearTimeout(timer);
  }, [said]);

  const onDragEnd = (e: DragEndEvent): void => {
    setDragging(null);
    if (!e.over) return;
    const steps = Math.round(e.delta.x / INDENT_PX);
    const m = projectDrop(agenda, String(e.active.id), String(e.over.id), steps);
    if (m) void move(m);
    else setSaid(t('builder.agenda.tooDeep', { max: MAX_AGENDA_DEPTH }));
  };

  // while an item is dragged its sub-items travel with it and are no drop targets
  const hidden = new Set<string>();
  if (dragging) {
    for (const f of flat)
      if (f.parentId && (hidden.has(f.parentId) || f.parentId === dragging)) hidden.add(f.id);
  }
  const rows = flat.filter((f) => !hidden.has(f.id));

  const add = async (fields: ItemFields, parentId: string | null): Promise<string | null> => {
    const ack = await send({ type: 'agenda.add', payload: { parentId, ...fields } });
    return ack.ok ? null : `${t(`errors.${ack.error.code}`)} ${ack.error.message}`;
  };

  return (
    <section
      className="panel builder-agenda"
      aria-labelledby={`${id}-h`}
      data-testid="agenda-editor"
    >
      <h2 id={`${id}-h`}>{t('builder.agenda.heading')}</h2>
      {flat.length === 0 && <p className="muted">{t('builder.agenda.empty')}</p>}
      <DndContext
        sensors={sensors}
        collisionDetection={closestCenter}
        onDragStart={(e) => setDragging(String(e.active.id))}
        onDragCancel={() => setDragging(null)}
        onDragEnd={onDragEnd}
        accessibility={{
          screenReaderInstructions: { draggable: t('builder.agenda.dndInstructions') },
          announcements: {
            onDragStart: ({ active }) =>
              t('builder.agenda.dndPicked', { title: titleOf(active.id) }),
            onDragOver: ({ active, over }) => {
              if (!over) return undefined;
              const title = titleOf(active.id);
              return over.id === active.id
                ? t('builder.agenda.dndHome', { title })
                : t('builder.agenda.dndOver', { title, over: titleOf(over.id) });
            },
            onDragEnd: ({ active }) =>
              t('builder.agenda.dndDropped', { title: titleOf(active.id) }),
            onDragCancel: ({ active }) =>
              t('builder.agenda.dndCancelled', { title: titleOf(active.id) }),
          },
        }}
      >
        <SortableContext items={rows.map((r) => r.id)} strategy={verticalListSortingStrategy}>
          <ol className="builder-items">
            {rows.map((row) => {
              const item = agenda.items[row.id];
              if (!item) return null;
              return (
                <SortableRow
                  key={row.id}
                  row={row}
                  item={item}
                  meeting={meeting}
                  editing={editing === row.id}
                  onEdit={(on) => setEditing(on ? row.id : null)}
                  onMove={(action) => {
                    const m = MOVES[action](agenda, row.id);
                    if (m) void move(m, action);
                  }}
                  run={run}
                  send={send}
                  uploads={uploads}
                />
              );
            })}
          </ol>
        </SortableContext>
      </DndContext>
      <p className="builder-said" role="status" data-testid="agenda-said">
        {said}
      </p>
      <AgendaItemForm mode="add" parents={flat} agenda={agenda} onSubmit={add} />
    </section>
  );
}

type FocusWish = { current: { itemId: string; action: MoveAction; number: string } | null };

/** Focuses the moved row's button (or its handle) once the row shows at its new place. */
function focusMoved(wish: FocusWish): void {
  const wanted = wish.current;
  if (!wanted) return;
  const row = document.querySelector(
    `[data-testid="builder-item"][data-item-id="${wanted.itemId}"]`,
  );
  if (row?.getAttribute('data-number') !== wanted.number) return;
  wish.current = null;
  const button = row.querySelector<HTMLButtonElement>(`[data-move="${wanted.action}"]`);
  (button && !button.disabled ? button : row.querySelector<HTMLElement>('.drag-handle'))?.focus();
}

interface RowProps {
  row: FlatItem;
  item: AgendaItem;
  meeting: MeetingState;
  editing: boolean;
  onEdit: (on: boolean) => void;
  onMove: (action: MoveAction) => void;
  run: (command: ClientCommand) => void;
  send: (command: ClientCommand) => Promise<CommandAck>;
  uploads: Uploads;
}

function SortableRow({
  row,
  item,
  meeting,
  editing,
  onEdit,
  onMove,
  run,
  send,
  uploads,
}: RowProps) {
  const { t } = useTranslation();
  const agenda = meeting.agenda;
  const {
    attributes,
    listeners,
    setNodeRef,
    setActivatorNodeRef,
    transform,
    transition,
    isDragging,
  } = useSortable({ id: row.id });
  const style = {
    transform: CSS.Translate.toString(transform),
    transition,
    marginInlineStart: `${row.depth * INDENT_PX}px`,
  };
  const title = item.title;
  const update = async (fields: ItemFields): Promise<string | null> => {
    const ack = await send({ type: 'agenda.update', payload: { itemId: item.id, ...fields } });
    if (!ack.ok) return `${t(`errors.${ack.error.code}`)} ${ack.error.message}`;
    onEdit(false);
    return null;
  };
  const remove = (): void => {
    if (window.confirm(t('builder.agenda.confirmRemove', { title })))
      run({ type: 'agenda.remove', payload: { itemId: item.id } });
  };

  return (
    <li
      ref={setNodeRef}
      style={style}
      className={isDragging ? 'builder-item dragging' : 'builder-item'}
      data-testid="builder-item"
      data-item-id={item.id}
      data-depth={row.depth}
      data-number={row.number}
    >
      <div className="builder-item-head">
        <button
          type="button"
          className="drag-handle"
          ref={setActivatorNodeRef}
          {...attributes}
          {...listeners}
          aria-label={t('builder.agenda.drag', { title })}
        >
          <span aria-hidden="true">⠿</span>
        </button>
        <span className="agenda-number">{row.number}</span>
        <span className="agenda-title" data-testid="builder-item-title">
          {title}
        </span>
        {item.durationMin !== null && (
          <span className="agenda-duration">
            {t('builder.agenda.minutes', { count: item.durationMin })}
          </span>
        )}
        <span className="row-actions">
          {(['up', 'down', 'outdent', 'indent'] as const).map((action) => (
            <button
              key={action}
              type="button"
              className="icon-button"
              data-move={action}
              disabled={MOVES[action](agenda, item.id) === null}
              aria-label={t(
                `builder.agenda.${action === 'up' ? 'moveUp' : action === 'down' ? 'moveDown' : action}`,
                { title },
              )}
              title={t(
                `builder.agenda.${action === 'up' ? 'moveUp' : action === 'down' ? 'moveDown' : action}`,
                { title },
              )}
              onClick={() => onMove(action)}
            >
              <span aria-hidden="true">{MOVE_GLYPHS[action]}</span>
            </button>
          ))}
          <button
            type="button"
            aria-expanded={editing}
            aria-label={t('builder.agenda.editName', { title })}
            onClick={() => onEdit(!editing)}
          >
            {t('builder.agenda.edit')}
          </button>
          <button
            type="button"
            className="danger"
            aria-label={t('builder.agenda.removeName', { title })}
            onClick={remove}
          >
            {t('builder.agenda.remove')}
          </button>
        </span>
      </div>
      {item.presenter && (
        <div className="agenda-meta">
          {t('builder.agenda.presenterIs', { name: item.presenter })}
        </div>
      )}
      {editing && (
        <AgendaItemForm
          mode="edit"
          item={item}
          agenda={agenda}
          parents={[]}
          onSubmit={update}
          onCancel={() => onEdit(false)}
        />
      )}
      <ItemDocuments meeting={meeting} item={item} run={run} uploads={uploads} />
    </li>
  );
}
