/**
 * Parse SVG markup made by `chartSvg` (@ptychojs/pipeline) into an element. The markup is ours:
 * every text from data in it is escaped, and an XML parser never runs scripts.
 */
export function svgElement(markup: string): Element {
  const doc = new DOMParser().parseFromString(markup, 'image/svg+xml');
  const root = doc.documentElement;
  if (root.nodeName !== 'svg') throw new Error('chart markup did not parse as SVG');
  return document.importNode(root, true);
}
