// The annotation tools under the viewer's tool bar: select, highlight, pen, note, text box; the
// colour (and the pen's width) of the tool in hand; undo, redo; the list of annotations.
import type { MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ColourSwatches } from './ColourSwatches.tsx';
import { useAnnotationUi } from './context.ts';
import { NoteIcon } from './NoteIcon.tsx';
import { TOOL_ICONS, TOOL_KEYS, TOOLS, WIDTH_NAMES, WIDTHS } from './tools.ts';

/** Keeps a text selection when a tool button is pressed (the highlighter then marks it). */
const keepSelection = (e: MouseEvent): void => e.preventDefault();

export function AnnotationToolbar() {
  const { t } = useTranslation();
  const ui = useAnnotationUi();
  const { tool, model } = ui;
  const colour = tool === 'select' ? null : ui.colours[tool];
  return (
    <div
      className="viewer-toolbar annot-toolbar"
      role="toolbar"
      aria-label={t('annotations.tools')}
      data-testid="annotation-toolbar"
    >
      <div className="viewer-group" role="group" aria-label={t('annotations.tools')}>
        {TOOLS.map((x) => {
          const label = t('annotations.shortcut', {
            label: t(`annotations.tool.${x}`),
            key: TOOL_KEYS[x],
          });
          return (
            <button
              key={x}
              type="button"
              className="icon annot-tool"
              aria-pressed={tool === x}
              title={label}
              aria-label={label}
              data-tool={x}
              onMouseDown={keepSelection}
              onClick={() => ui.setTool(x)}
            >
              {x === 'note' ? <NoteIcon /> : TOOL_ICONS[x]}
            </button>
          );
        })}
      </div>
      {colour && (
        <ColourSwatches
          className="viewer-group"
          value={colour}
          onPick={ui.setColour}
          onMouseDown={keepSelection}
        />
      )}
      {tool === 'pen' && (
        <div className="viewer-group" role="radiogroup" aria-label={t('annotations.width')}>
          {WIDTH_NAMES.map((name) => (
            <button
              key={name}
              type="button"
              role="radio"
              className="annot-width"
              aria-checked={ui.width === WIDTHS[name]}
              aria-label={t(`annotations.widths.${name}`)}
              title={t(`annotations.widths.${name}`)}
              onClick={() => ui.setWidth(WIDTHS[name])}
            >
              <span style={{ height: Math.max(1, WIDTHS[name] * 1.3) }} />
            </button>
          ))}
        </div>
      )}
      {tool === 'highlight' && <span className="annot-hint">{t('annotations.highlightHint')}</span>}
      <span className="viewer-spacer" />
      <div className="viewer-group">
        <button
          type="button"
          className="icon"
          onClick={model.undo}
          disabled={!model.canUndo}
          title={t('annotations.undo')}
          aria-label={t('annotations.undo')}
          data-testid="annotation-undo"
        >
          ↶
        </button>
        <button
          type="button"
          className="icon"
          onClick={model.redo}
          disabled={!model.canRedo}
          title={t('annotations.redo')}
          aria-label={t('annotations.redo')}
          data-testid="annotation-redo"
        >
          ↷
        </button>
      </div>
      <button
        type="button"
        aria-pressed={ui.listOpen}
        onClick={ui.toggleList}
        title={t('annotations.list')}
        data-testid="annotation-list-toggle"
      >
        {t('annotations.listCount', { count: model.annotations.length })}
      </button>
    </div>
  );
}
