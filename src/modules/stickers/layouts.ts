// A4 label sheets the sticker PDF can be printed on, as data: adding a sheet is adding a row.
// Sizes in millimetres, as the label makers' catalogues give them.

export interface StickerLayout {
  columns: number;
  rows: number;
  /** One label. */
  width: number;
  height: number;
  /** Page edge to the first label. */
  marginTop: number;
  marginLeft: number;
  /** Between labels. */
  gapX: number;
  gapY: number;
}

export const A4 = { width: 210, height: 297 } as const;

export const STICKER_LAYOUTS = {
  /** 24 labels of 70 × 37 mm edge to edge (e.g. Avery 3474). */
  '3x8': { columns: 3, rows: 8, width: 70, height: 37, marginTop: 0.5, marginLeft: 0, gapX: 0, gapY: 0 },
  /** 10 labels of 105 × 57 mm (e.g. Avery 3425). */
  '2x5': { columns: 2, rows: 5, width: 105, height: 57, marginTop: 6, marginLeft: 0, gapX: 0, gapY: 0 },
} as const satisfies Record<string, StickerLayout>;

export type StickerLayoutName = keyof typeof STICKER_LAYOUTS;

export const STICKER_LAYOUT_NAMES = Object.keys(STICKER_LAYOUTS) as StickerLayoutName[];

export function isStickerLayoutName(value: string): value is StickerLayoutName {
  return Object.hasOwn(STICKER_LAYOUTS, value);
}

/** The label's top-left corner on its page, in millimetres, for the n-th sticker of a run. */
export function labelPosition(layout: StickerLayout, index: number) {
  const perPage = layout.columns * layout.rows;
  const onPage = index % perPage;
  const column = onPage % layout.columns;
  const row = Math.floor(onPage / layout.columns);
  return {
    page: Math.floor(index / perPage),
    x: layout.marginLeft + column * (layout.width + layout.gapX),
    y: layout.marginTop + row * (layout.height + layout.gapY),
  };
}
