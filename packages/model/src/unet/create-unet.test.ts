import { describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { isInputError } from '@ptychojs/io';
import * as tfl from '@tensorflow/tfjs-layers';
import { createUNet } from './create-unet.js';
import { createEncoder } from './create-encoder.js';
import { createDecoder } from './create-decoder.js';

await tf.setBackend('cpu');

/** 3×3 conv parameter count: weights plus biases. */
const conv = (cin: number, cout: number) => 9 * cin * cout + cout;

describe('createUNet', () => {
  it('has exactly 2,252,098 trainable parameters at N=64, f=2, gridsize 1 (SPEC §3)', () => {
    const m = createUNet(64, 1, 1, 2);
    expect(m.countParams()).toBe(2_252_098);
    const trainable = m.trainableWeights.reduce((s, w) => s + w.shape.reduce<number>((a, b) => a * (b ?? 0), 1), 0);
    expect(trainable).toBe(2_252_098);
    m.dispose();
  });

  it('splits into an encoder of 1,144,256 and two decoders of 553,921 parameters at N=64, f=2', () => {
    // Hand count: encoder conv(1→64) conv(64→64) conv(64→128) conv(128→128) conv(128→256) conv(256→256).
    const enc = createEncoder(64, 1, 2);
    expect(enc.countParams()).toBe(conv(1, 64) + conv(64, 64) + conv(64, 128) + conv(128, 128) + conv(128, 256) + conv(256, 256));
    expect(enc.countParams()).toBe(1_144_256);
    const dec = createDecoder(64, 1, 2, 'amplitude');
    expect(dec.countParams()).toBe(conv(256, 128) + conv(128, 128) + conv(128, 64) + conv(64, 64) + conv(64, 1));
    expect(dec.countParams()).toBe(553_921);
    expect(enc.outputs[0]!.shape).toEqual([null, 8, 8, 256]);
    expect(dec.outputs[0]!.shape).toEqual([null, 64, 64, 1]);
    enc.dispose(); dec.dispose();
  });

  it.each([
    [128, 1, [16, 32, 64, 128], [128, 64, 32]],
    [256, 0.5, [8, 16, 32, 64, 128], [256, 128, 64, 32]],
  ])('follows the SPEC filter table at N=%i (f=%f)', (N, f, encF, decF) => {
    const enc = createEncoder(N, 4, f);
    const convs = enc.layers.filter((l) => l.getClassName() === 'Conv2D').map((l) => (l.getConfig() as { filters: number }).filters);
    expect(convs).toEqual(encF.flatMap((n) => [n * f, n * f]));
    const dec = createDecoder(N, 4, f, 'phase');
    const dconvs = dec.layers.filter((l) => l.getClassName() === 'Conv2D').map((l) => (l.getConfig() as { filters: number }).filters);
    expect(dconvs).toEqual([...decF.flatMap((n) => [n * f, n * f]), 4]);
    expect(dec.outputs[0]!.shape).toEqual([null, N, N, 4]);
    enc.dispose(); dec.dispose();
  });

  it('gives amplitude in (0,1) and phase in (−π,π) on the central N/2×N/2 and zeros outside', () => {
    const m = createUNet(64, 4, 4, 0.25, { seed: 3 });
    tf.tidy(() => {
      const x = tf.randomUniform([2, 64, 64, 4], 0, 2, 'float32', 1);
      const [amp, ph] = m.predict(x) as tf.Tensor[];
      expect(amp!.shape).toEqual([2, 64, 64, 4]);
      expect(ph!.shape).toEqual([2, 64, 64, 4]);
      const a = amp!.arraySync() as number[][][][];
      const p = ph!.arraySync() as number[][][][];
      let inside = 0, outside = 0, phaseMax = 0;
      for (let b = 0; b < 2; b++) for (let i = 0; i < 64; i++) for (let j = 0; j < 64; j++) for (let c = 0; c < 4; c++) {
        const centre = i >= 16 && i < 48 && j >= 16 && j < 48;
        const av = a[b]![i]![j]![c]!, pv = p[b]![i]![j]![c]!;
        if (centre) { if (av > 0 && av < 1) inside++; phaseMax = Math.max(phaseMax, Math.abs(pv)); } else if (av === 0 && pv === 0) outside++;
      }
      expect(inside).toBe(2 * 32 * 32 * 4);
      expect(outside).toBe(2 * (64 * 64 - 32 * 32) * 4);
      expect(phaseMax).toBeGreaterThan(0);
      expect(phaseMax).toBeLessThan(Math.PI);
    });
    m.dispose();
  });

  it('gives identical weights for the same seed', () => {
    const a = createUNet(64, 1, 1, 0.25, { seed: 7 });
    const b = createUNet(64, 1, 1, 0.25, { seed: 7 });
    const wa = a.getWeights(), wb = b.getWeights();
    expect(wa.length).toBe(wb.length);
    wa.forEach((w, i) => expect(Array.from(w.dataSync() as Float32Array)).toEqual(Array.from(wb[i]!.dataSync() as Float32Array)));
    a.dispose(); b.dispose();
  });

  it('rejects an unsupported N naming N and the supported values', () => {
    for (const make of [() => createUNet(96, 1, 1, 2), () => createEncoder(32, 1, 2), () => createDecoder(512, 1, 2, 'amplitude')]) {
      let err: unknown;
      try { make(); } catch (e) { err = e; }
      expect(isInputError(err)).toBe(true);
      expect((err as Error).message).toMatch(/N = (96|32|512)/);
      expect((err as { expected: string }).expected).toBe('64 | 128 | 256');
    }
  });

  it('rejects fractional filter counts', () => {
    expect(() => createUNet(256, 1, 1, 0.1)).toThrow(/nFiltersScale/);
  });

  it('counts the full-field heads at N=64, f=2, gridsize 1: border 2,400,964 and full 2,399,810 parameters', () => {
    // border: per decoder an up-block conv(64→64)×2 and a border conv(64→1) on top of the centre head;
    // full: per decoder the same up-block, and its conv(64→1) replaces the centre head's.
    const border = createUNet(64, 1, 1, 2, { heads: { extent: 'border', amplitudeActivation: 'sigmoid', phaseActivation: 'pi-tanh' } });
    expect(border.countParams()).toBe(2_252_098 + 2 * (2 * conv(64, 64) + conv(64, 1)));
    expect(border.countParams()).toBe(2_400_964);
    const full = createUNet(64, 1, 1, 2, { heads: { extent: 'full', amplitudeActivation: 'sigmoid', phaseActivation: 'linear' } });
    expect(full.countParams()).toBe(2_252_098 + 2 * 2 * conv(64, 64));
    expect(full.countParams()).toBe(2_399_810);
    border.dispose(); full.dispose();
  });

  it('border: the centre is the central head, the ring is the swish branch (masked exactly)', () => {
    const m = createUNet(64, 4, 4, 0.25, { seed: 5, heads: { extent: 'border', amplitudeActivation: 'sigmoid', phaseActivation: 'linear' } });
    // Sub-model exposing the central head (zero-padded), the border branch and the sum.
    const probe = tfl.model({ inputs: m.inputs, outputs: ['amplitude_pad', 'amplitude_border_out', 'amplitude_with_border'].map((n) => m.getLayer(n).output as tfl.SymbolicTensor) });
    tf.tidy(() => {
      const x = tf.randomUniform([2, 64, 64, 4], 0, 2, 'float32', 2);
      const [centre, ring, out] = (probe.predict(x) as tf.Tensor[]).map((t) => t.dataSync());
      let ringNonZero = 0;
      for (let k = 0; k < out!.length; k++) {
        const p = Math.floor(k / 4) % (64 * 64), i = Math.floor(p / 64), j = p % 64;
        const inCentre = i >= 16 && i < 48 && j >= 16 && j < 48;
        expect(out![k]).toBe(inCentre ? centre![k] : ring![k]);
        if (!inCentre && ring![k] !== 0) ringNonZero++;
      }
      expect(ringNonZero).toBeGreaterThan(0.9 * 2 * 4 * (64 * 64 - 32 * 32));
    });
    m.dispose();
  });

  it('full: amplitude in (0, 1) over the whole patch; linear phase head has no tanh or rescaling', () => {
    const m = createUNet(64, 4, 4, 0.25, { seed: 6, heads: { extent: 'full', amplitudeActivation: 'sigmoid', phaseActivation: 'linear' } });
    tf.tidy(() => {
      const [amp] = m.predict(tf.randomUniform([1, 64, 64, 4], 0, 2, 'float32', 3)) as tf.Tensor[];
      const a = amp!.dataSync();
      expect(Array.from(a).every((v) => v > 0 && v < 1)).toBe(true);
    });
    expect((m.getLayer('phase_out').getConfig() as { activation: string }).activation).toBe('linear');
    expect(m.layers.some((l) => l.getClassName() === 'Rescaling')).toBe(false);
    m.dispose();
  });
});
