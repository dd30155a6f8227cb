/**
 * The web app's inference worker (comlink): the same package functions as `ptycho infer` —
 * `loadInferenceModel`, `parseRunDirConfig`, `checkScan` (the CLI's check for infer), the model's
 * compatibility with the scan (`modelDirCard`, `checkModelCompatibility` with the dose of
 * `resolveDose`, refused by `assertCompatible` unless forced), `reconstructWithModel` (prepareInference,
 * reconstructScan, predictObject) and `encodeReconstruction` — on the first tfjs backend that
 * starts of WebGPU, WebGL and wasm (physics' one backend start-up with this worker's loaders: our
 * kernel fills; the wasm binaries are bundled assets).
 * Everything heavy happens here, so the page never blocks.
 */
import * as Comlink from 'comlink';
import * as tf from '@tensorflow/tfjs-core';
import { encodeNpz, encodeReconstruction, InputError, isInputError, parseNpz } from '@ptychojs/io';
import { openScan } from '../load/open-scan.js';
import { loadInferenceModel, modelArtifactsFromJson } from '@ptychojs/model';
import { startBackend, startFirstBackend, type BackendLoaders } from '@ptychojs/physics/backends';
import {
  assertCompatible, checkModelCompatibility, checkScan, modelDirCard, parseJsonText, parseRunDirConfig, parseTrainingHistory, reconstructWithModel, resolveDose, usableScan,
  type Compatibility,
} from '@ptychojs/pipeline';
import wasmPlain from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import wasmSimd from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import wasmThreaded from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';
import type { InferRequest, InferResponse, InferWorkerApi, WebBackend } from './protocol.js';

/** The WebGL renderer's name; throws when WebGL2 is unavailable here. */
function webglRenderer(): string {
  const gl = new OffscreenCanvas(1, 1).getContext('webgl2') as WebGL2RenderingContext | null;
  if (!gl) throw new Error('no WebGL2 context');
  const info = gl.getExtension('WEBGL_debug_renderer_info');
  return String(gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER));
}

/**
 * How the browser loads each backend the app tries, passed to physics' one start-up
 * (`startBackend`: kernel fills, `setBackend`, `ready`); each throws why it does not start here.
 */
const WEB_BACKEND_LOADERS: BackendLoaders<WebBackend> = {
  async webgpu() {
    const gpu = (navigator as Navigator & { gpu?: { requestAdapter(): Promise<unknown> } }).gpu;
    if (!gpu) throw new Error('navigator.gpu is absent');
    if (!(await gpu.requestAdapter())) throw new Error('no WebGPU adapter');
    await import('@tensorflow/tfjs-backend-webgpu');
    return 'webgpu';
  },
  async webgl() {
    const renderer = webglRenderer();
    // Measured on the e2e scan (64 groups, f = 0.25): SwiftShader's WebGL 31.5 s, wasm 4.2 s.
    if (/swiftshader|llvmpipe|software/i.test(renderer)) throw new Error(`software renderer (${renderer}); wasm is faster`);
    await import('@tensorflow/tfjs-backend-webgl');
    return 'webgl';
  },
  async wasm() {
    const wasm = await import('@tensorflow/tfjs-backend-wasm');
    // The binaries are emitted with the app (no CDN); threads need cross-origin isolation, so
    // tfjs picks the SIMD build when the page is not isolated.
    wasm.setWasmPaths({ 'tfjs-backend-wasm.wasm': wasmPlain, 'tfjs-backend-wasm-simd.wasm': wasmSimd, 'tfjs-backend-wasm-threaded-simd.wasm': wasmThreaded });
    // What wasm got is known once it is ready (its SIMD and thread flags are evaluated then).
    return () => `wasm (SIMD ${tf.env().getBool('WASM_HAS_SIMD_SUPPORT') ? 'on' : 'off'}, ${tf.env().getBool('WASM_HAS_MULTITHREAD_SUPPORT') && self.crossOriginIsolated ? 'threaded' : 'single thread'}) with ptychojs kernel fills`;
  },
};

/** The model's artifacts from model.json and the shards given with it (`modelArtifactsFromJson`). */
function modelArtifacts(req: InferRequest): Promise<tf.io.ModelArtifacts> {
  const file = req.modelJson.path;
  return modelArtifactsFromJson(parseJsonText(req.modelJson.text, file), file, async (p) => {
    const shard = req.shards[p.slice(p.lastIndexOf('/') + 1)];
    if (!shard) throw new InputError('a weight shard listed in model.json is missing', { file: p, key: 'weightsManifest', expected: 'the shard file beside model.json', actual: 'not among the files given' });
    return new Uint8Array(shard);
  });
}

const api: InferWorkerApi = {
  startBackend(order) {
    return startFirstBackend(order, (name) => startBackend(name, WEB_BACKEND_LOADERS));
  },

  async reconstruct(req, onProgress): Promise<InferResponse> {
    let model: Awaited<ReturnType<typeof loadInferenceModel>> | undefined;
    let compatibility: Compatibility | undefined;
    try {
      const rc = parseRunDirConfig(parseJsonText(req.runConfig.text, req.runConfig.path), req.runConfig.path);
      // The CLI's own check for `infer` (the same reading of the diffraction, the same refusals).
      const source = await openScan({ path: req.scan.path, bytes: new Uint8Array(req.scan.bytes) }, req.positions ? { path: req.positions.path, bytes: new Uint8Array(req.positions.bytes) } : undefined);
      const { raw } = usableScan(checkScan(source, { command: 'infer', gridsize: rc.config.gridsize, K: rc.config.K }));
      // The model checked against the scan before anything else, as `ptycho infer` (issue 15).
      const { card, probe } = modelDirCard({
        runConfig: rc,
        probe: { file: req.probe.path, arrays: parseNpz(new Uint8Array(req.probe.bytes), { file: req.probe.path, keys: ['probeGuess'] }) },
        ...(req.modelCard ? { card: { file: req.modelCard.path, value: parseJsonText(req.modelCard.text, req.modelCard.path) } } : {}),
        ...(req.history && !req.modelCard ? { history: parseTrainingHistory(parseJsonText(req.history.text, req.history.path), req.history.path) } : {}),
      });
      compatibility = checkModelCompatibility(card, probe, raw, resolveDose(raw, undefined).nphotons);
      if (!req.force) assertCompatible(compatibility, req.modelDir, req.scan.path);
      model = await loadInferenceModel(await modelArtifacts(req));
      const res = await reconstructWithModel(model, rc, raw, { batchSize: req.batchSize, onProgress });
      const rec = res.reconstruction;
      const [H, W] = rec.object.shape as [number, number];
      const npz = encodeNpz({ ...encodeReconstruction({ object: rec.object, canvasOrigin: rec.canvasOrigin }) });
      const out: InferResponse = { ok: true, compatibility, npz, H, W, canvasOrigin: rec.canvasOrigin, amplitude: rec.amplitude, phase: rec.phase, groups: res.groups, seconds: res.seconds };
      return Comlink.transfer(out, [npz.buffer, rec.amplitude.buffer, rec.phase.buffer] as ArrayBuffer[]);
    } catch (e) {
      const err = e as Error & { problems?: string[] };
      return { ok: false, error: { name: isInputError(e) ? 'InputError' : (err?.name ?? 'Error'), message: err?.message ?? String(e), problems: err?.problems ?? [] }, ...(compatibility ? { compatibility } : {}) };
    } finally {
      model?.dispose();
    }
  },
};

Comlink.expose(api);
