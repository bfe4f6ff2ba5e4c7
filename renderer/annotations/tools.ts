// The annotation tools, their colours and pen widths, and their keys.
export const TOOLS = ['select', 'highlight', 'pen', 'note', 'text'] as const;
export type Tool = (typeof TOOLS)[number];

export const TOOL_KEYS: Record<Tool, string> = {
  select: 'V',
  highlight: 'H',
  pen: 'P',
  note: 'N',
  text: 'T',
};

export const TOOL_ICONS: Record<Tool, string> = {
  select: '↖',
  highlight: '▍',
  pen: '✎',
  note: '',
  text: 'T',
};

export const COLOURS = {
  yellow: '#ffd400',
  green: '#5fd35f',
  blue: '#4da3ff',
  pink: '#ff6b9a',
  red: '#e53935',
  black: '#1d1d1d',
} as const;
export type ColourName = keyof typeof COLOURS;
export const COLOUR_NAMES = Object.keys(COLOURS) as ColourName[];

/** Pen widths in PDF points. */
export const WIDTHS = { thin: 1, medium: 2.5, thick: 5 } as const;
export type WidthName = keyof typeof WIDTHS;
export const WIDTH_NAMES = Object.keys(WIDTHS) as WidthName[];

/** Each tool remembers its own colour. */
export type ToolColours = Record<Exclude<Tool, 'select'>, string>;
export const DEFAULT_COLOURS: ToolColours = {
  highlight: COLOURS.yellow,
  pen: COLOURS.red,
  note: COLOURS.yellow,
  text: COLOURS.black,
};

/** A new text box's size (CSS pixels at 100 %) and font size (points). */
export const TEXT_BOX = { width: 180, height: 48, fontSize: 12 };
/** A sticky note's icon size in CSS pixels (it does not scale: it is a marker). */
export const NOTE_SIZE = 26;
