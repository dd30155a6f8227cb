import type { MethodResult } from '../run-dir/method-result.js';

const LABEL: Record<MethodResult['method'], string> = { pretrained: 'pretrained network (not trained on this scan)', network: 'network', refined: 'network + ePIE refinement', epie: 'ePIE from flat' };

/**
 * What a reconstruction method of a run (`summary.json` `methods[].method`, issue 8 and 15) is
 * called in `report.html` and the web app; an unknown name is returned as it is.
 */
export function methodLabel(method: string): string {
  return Object.hasOwn(LABEL, method) ? LABEL[method as MethodResult['method']] : method;
}
