/**
 * @ptychojs/physics — the differentiable far-field model on tfjs-core (SPEC §3, §5) and the
 * typed-array simulators. Backend-agnostic: it never picks a backend.
 */
export * from './tf/index.js';
export * from './sim/index.js';
export * from './epie/index.js';
export * from './consistency/index.js';
