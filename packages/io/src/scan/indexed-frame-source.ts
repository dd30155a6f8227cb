import type { FrameSource } from '../types.js';

/**
 * A {@link FrameSource} whose item k is item `order[k]` of `src` (frames matched to positions by
 * index, a subset or a permutation): each range is read as runs of consecutive source items, one
 * ranged read per run.
 *
 * @shape order (M',) int — source item of each item
 */
export function indexedFrameSource(src: FrameSource, order: Int32Array): FrameSource {
  const rowElems = src.shape.slice(1).reduce((a, b) => a * b, 1);
  const shape = [order.length, ...src.shape.slice(1)];
  return {
    dtype: src.dtype,
    shape,
    ...(src.storedDescr !== undefined ? { storedDescr: src.storedDescr } : {}),
    ...(src.path !== undefined ? { path: src.path } : {}),
    access: src.access,
    bytes: Math.round(src.bytes * (order.length / Math.max(1, src.shape[0]!))),
    readRows(s, e, out) {
      const o = out ?? new Float32Array((e - s) * rowElems);
      let k = s;
      while (k < e) {
        let run = 1;
        while (k + run < e && order[k + run] === order[k]! + run) run++;
        const at = (k - s) * rowElems;
        src.readRows(order[k]!, order[k]! + run, o.subarray(at, at + run * rowElems));
        k += run;
      }
      return o;
    },
  };
}
