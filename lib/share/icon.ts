// The installable app's icon sizes; the drawing is app/icon.svg (also the favicon).
export const ICON_SIZES = [192, 512] as const;
