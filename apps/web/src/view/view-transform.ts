/** Screen placement of an image: screen = (image + 0) · scale + (tx, ty), in CSS pixels. */
export interface ViewTransform {
  scale: number;
  tx: number;
  ty: number;
}

/** A transform shared by several views (amplitude and phase pan and zoom together). */
export interface SharedTransform {
  readonly t: ViewTransform;
  /** Whether a view has placed it yet (the first view fits the image). */
  fitted: boolean;
  set(t: ViewTransform): void;
  subscribe(f: () => void): void;
}

export function sharedTransform(): SharedTransform {
  const listeners: Array<() => void> = [];
  const st: SharedTransform = {
    t: { scale: 1, tx: 0, ty: 0 },
    fitted: false,
    set(t) { Object.assign(st.t, t); for (const f of listeners) f(); },
    subscribe(f) { listeners.push(f); },
  };
  return st;
}

/** The transform that fits an H×W image into a w×h viewport, centred. */
export function fitTransform(H: number, W: number, w: number, h: number): ViewTransform {
  const scale = Math.min(w / W, h / H);
  return { scale, tx: (w - W * scale) / 2, ty: (h - H * scale) / 2 };
}

/** Zoom by `factor` about the screen point (px, py), which stays over the same image point. */
export function zoomAbout(t: ViewTransform, factor: number, px: number, py: number): ViewTransform {
  const scale = Math.min(512, Math.max(1 / 64, t.scale * factor));
  const f = scale / t.scale;
  return { scale, tx: px - (px - t.tx) * f, ty: py - (py - t.ty) * f };
}
