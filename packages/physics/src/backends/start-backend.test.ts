import * as tf from '@tensorflow/tfjs-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { NoBackendStartedError, startBackend, startFirstBackend, type BackendLoaders } from './start-backend.js';

type Name = 'absent' | 'broken' | 'cpu';

const loaders: BackendLoaders<Name> = {
  absent: () => Promise.reject(new Error('its package is not installed\nsecond line')),
  // Its package "loaded" (registered below), but its initialisation fails: tfjs's setBackend says false.
  broken: async () => 'broken',
  async cpu() {
    await import('@tensorflow/tfjs-backend-cpu');
    // Said once the backend is ready: it is the active one by then.
    return () => `cpu, active: ${tf.getBackend()}`;
  },
};

beforeAll(() => {
  tf.registerBackend('broken', () => { throw new Error('no device'); });
  vi.spyOn(console, 'warn').mockImplementation(() => undefined); // tfjs's "Initialization of backend broken failed"
});
afterAll(() => {
  tf.removeBackend('broken');
  vi.restoreAllMocks();
});

describe('startBackend (the one start-up, with injected loaders)', () => {
  it('loads, registers our kernel fills, activates the backend and says what started, once it is ready', async () => {
    expect(await startBackend('cpu', loaders)).toBe('cpu, active: cpu');
    expect(tf.getBackend()).toBe('cpu');
    // cpu's fill: the stock ResizeNearestNeighborGrad is wrong for batch > 1.
    expect(tf.getKernel('ResizeNearestNeighborGrad', 'cpu')).toBeDefined();
  });

  it("throws the loader's error, and says why when tfjs could not initialise the backend", async () => {
    await expect(startBackend('absent', loaders)).rejects.toThrow(/^its package is not installed/);
    await expect(startBackend('broken', loaders)).rejects.toThrow(/^did not initialise$/);
    await expect(startBackend('broken', loaders, { notInitialised: (n) => `the ${n} backend did not initialise` })).rejects.toThrow(/^the broken backend did not initialise$/);
    await expect(startBackend('toString' as Name, loaders)).rejects.toThrow("unknown backend 'toString'");
  });
});

describe('startFirstBackend (the fallback order with reasons)', () => {
  it('starts the first that starts and names every attempt before it, first lines only', async () => {
    const started = await startFirstBackend(['absent', 'broken', 'cpu'], (n) => startBackend(n, loaders));
    expect(started).toEqual({ name: 'cpu', reason: 'absent unavailable (its package is not installed); then broken unavailable (did not initialise); then cpu, active: cpu' });
  });

  it('throws NoBackendStartedError with every attempt when none starts', async () => {
    const e = await startFirstBackend(['absent', 'broken'], (n) => startBackend(n, loaders)).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(NoBackendStartedError);
    expect((e as NoBackendStartedError).attempts).toEqual(['absent unavailable (its package is not installed)', 'broken unavailable (did not initialise)']);
    expect((e as Error).message).toBe('no backend started: absent unavailable (its package is not installed); broken unavailable (did not initialise)');
  });
});
