import { describe, expect, it } from 'vitest';
import { classifyFiles } from './classify-files.js';
import type { SourceFile } from './source-file.js';

const files = (...paths: string[]): SourceFile[] => paths.map((path) => ({ path, size: 1, bytes: async () => new Uint8Array() }));
const paths = (fs: readonly SourceFile[] | undefined) => (fs ?? []).map((f) => f.path);

describe('classifyFiles', () => {
  it('finds every part of a demo/run folder (SPEC §3 layouts), ignoring the checkpoint and the probe', () => {
    const c = classifyFiles(files(
      'data.npz', 'report.html', 'summary.json',
      'recon/reconstruction.npz', 'recon/reconstruction.json', 'recon/metrics.json', 'recon/amplitude.png',
      'train/config.json', 'train/history.json', 'train/probe.npz', 'train/model/model.json', 'train/model/group1-shard1of2.bin', 'train/model/group1-shard2of2.bin',
      'train/checkpoint/model.json', 'train/checkpoint/group1-shard1of1.bin', 'train/checkpoint/checkpoint.json',
    ));
    expect(paths(c.reconstructions)).toEqual(['recon/reconstruction.npz']);
    expect(c.summary?.path).toBe('summary.json');
    expect(c.history?.path).toBe('train/history.json');
    expect(c.metrics?.path).toBe('recon/metrics.json');
    expect(c.runConfig?.path).toBe('train/config.json');
    expect(c.models).toHaveLength(1);
    expect(c.models[0]!.json.path).toBe('train/model/model.json');
    expect(paths(c.models[0]!.shards)).toEqual(['train/model/group1-shard1of2.bin', 'train/model/group1-shard2of2.bin']);
    expect(c.models[0]!.runConfig?.path).toBe('train/config.json');
    expect(c.models[0]!.probe?.path).toBe('train/probe.npz');
    expect(c.models[0]!.history?.path).toBe('train/history.json');
    expect(c.models[0]!.card).toBeUndefined();
    expect(paths(c.scans)).toEqual(['data.npz']);
  });

  it("in a run folder with --init-model, --refine and --compare-epie, shows the network's result and metrics first, then the pipeline's order", () => {
    const c = classifyFiles(files(
      'summary.json', 'epie/reconstruction.npz', 'epie/metrics.json', 'refined/reconstruction.npz', 'refined/metrics.json',
      'recon/reconstruction.npz', 'recon/metrics.json', 'other/reconstruction.npz', 'pretrained/reconstruction.npz', 'pretrained/metrics.json',
    ));
    expect(paths(c.reconstructions)).toEqual(['recon/reconstruction.npz', 'pretrained/reconstruction.npz', 'refined/reconstruction.npz', 'epie/reconstruction.npz', 'other/reconstruction.npz']);
    expect(c.metrics?.path).toBe('recon/metrics.json');
    expect(paths(c.metricsAll)).toEqual(['recon/metrics.json', 'pretrained/metrics.json', 'refined/metrics.json', 'epie/metrics.json']);
  });

  it('finds each model directory of a folder with its card, probe and history (pretrain writes model-card.json), leaving out checkpoints', () => {
    const c = classifyFiles(files(
      'pre/config.json', 'pre/history.json', 'pre/probe.npz', 'pre/model-card.json', 'pre/model/model.json', 'pre/model/group1-shard1of1.bin',
      'pre/checkpoint/model.json', 'pre/snapshots/5min/model/model.json', 'pre/snapshots/5min/config.json', 'pre/snapshots/5min/probe.npz', 'pre/snapshots/5min/model-card.json',
      'old/config.json', 'old/probe.npz', 'old/model/model.json', 'old/model/group1-shard1of1.bin', 'scan.npz',
    ));
    expect(c.models.map((m) => m.json.path)).toEqual(['old/model/model.json', 'pre/model/model.json', 'pre/snapshots/5min/model/model.json']);
    const [old, pre, snap] = c.models;
    expect([pre!.card?.path, pre!.probe?.path, pre!.history?.path, pre!.runConfig?.path]).toEqual(['pre/model-card.json', 'pre/probe.npz', 'pre/history.json', 'pre/config.json']);
    expect([old!.card, old!.history, old!.probe?.path]).toEqual([undefined, undefined, 'old/probe.npz']);
    expect(snap!.card?.path).toBe('pre/snapshots/5min/model-card.json');
    expect(paths(c.scans)).toEqual(['scan.npz']);
  });

  it('reads a train run directory opened at its root, and a folder of raw scans', () => {
    const run = classifyFiles(files('config.json', 'history.json', 'model/model.json', 'model/group1-shard1of1.bin', 'test/reconstruction.npz'));
    expect(run.runConfig?.path).toBe('config.json');
    expect(run.models[0]!.runConfig?.path).toBe('config.json');
    expect(paths(run.reconstructions)).toEqual(['test/reconstruction.npz']);
    const scans = classifyFiles(files('b.npz', 'a.NPZ', 'sub/c.npz', 'notes.txt'));
    expect(paths(scans.scans)).toEqual(['a.NPZ', 'b.npz', 'sub/c.npz']);
    expect(scans.models).toEqual([]);
  });
});
