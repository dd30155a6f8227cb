#!/usr/bin/env python3
"""The native anchor of `npm run bench` (issue 16): ptychojs's training step written in Python
TensorFlow, the way PtychoPINN runs it (Keras layers, complex64, tf.signal.fft2d, bilinear
translations with ImageProjectiveTransformV3, a tf.function step with Adam), timed on CPU.

    python train_step_tf.py [--f 2] [--gridsize 2] [--extent border] [--batch 16] [--steps 3] [--threads 1]

Prints one JSON line with the same fields as bench/train-step.mjs. The network is the same U-Net
(packages/model/src/unet/unet-layers.ts: N = 64, encoder f·{32,64,128}, two decoders f·{64,32}, heads
per extent); its parameter count is printed so the bench can check it equals ptychojs's. The
physics (object.big reassembly on a 72² canvas, extraction, probe, far-field amplitude, Poisson
NLL) is PtychoPINN's formulation, not ptychojs's DFT-as-matmul one; the U-Net is most of the work
at f >= 0.5. Benchmark only: never imported by ptychojs.
"""
import argparse
import json
import math
import os
import sys
import time

p = argparse.ArgumentParser()
p.add_argument('--f', type=float, default=2)
p.add_argument('--gridsize', type=int, default=2)
p.add_argument('--extent', choices=['center', 'border', 'full'], default='border')
p.add_argument('--batch', type=int, default=16)
p.add_argument('--steps', type=int, default=3)
p.add_argument('--threads', type=int, default=1)
a = p.parse_args()

os.environ.setdefault('TF_CPP_MIN_LOG_LEVEL', '2')
os.environ['TF_NUM_INTRAOP_THREADS'] = str(a.threads)
os.environ['TF_NUM_INTEROP_THREADS'] = str(a.threads)
import numpy as np  # noqa: E402
import tensorflow as tf  # noqa: E402
from tensorflow import keras  # noqa: E402

tf.config.threading.set_intra_op_parallelism_threads(a.threads)
tf.config.threading.set_inter_op_parallelism_threads(a.threads)

N, S, B, C = 64, 72, a.batch, a.gridsize ** 2
ENC, DEC = [32, 64, 128], [64, 32]


def nf(b):
    n = a.f * b
    if n < 1 or abs(n - round(n)) > 1e-9:
        sys.exit(f'f = {a.f} gives {n} filters for a {b}-filter block')
    return int(round(n))


def conv(x, filters, activation):
    return keras.layers.Conv2D(filters, 3, padding='same', activation=activation, kernel_initializer=keras.initializers.GlorotUniform(seed=1))(x)


def up_block(x, filters):
    x = conv(x, filters, 'relu')
    x = conv(x, filters, 'relu')
    return keras.layers.UpSampling2D(2, interpolation='nearest')(x)


def decoder(x, kind):
    for d in DEC:
        x = up_block(x, nf(d))
    act = 'sigmoid' if kind == 'amplitude' else 'linear'
    if a.extent == 'full':
        return conv(up_block(x, nf(DEC[-1])), C, act)
    q = N // 4
    centre = keras.layers.ZeroPadding2D(q)(conv(x, C, act))
    if a.extent == 'center':
        return centre
    b = conv(up_block(x, nf(DEC[-1])), C, 'swish')
    inner = keras.layers.ZeroPadding2D(q)(keras.layers.Cropping2D(q)(b))
    return centre + (b - inner)


inp = keras.Input((N, N, C))
x = inp
for e in ENC:
    x = conv(x, nf(e), 'relu')
    x = conv(x, nf(e), 'relu')
    x = keras.layers.MaxPooling2D(2)(x)
unet = keras.Model(inp, [decoder(x, 'amplitude'), decoder(x, 'phase')])

convs = [l for l in unet.layers if isinstance(l, keras.layers.Conv2D)]
fwd_flops = sum(2 * l.input.shape[1] * l.input.shape[2] * l.input.shape[3] * l.filters * 9 for l in convs)


def translate(images, dx, dy):
    """Bilinear shift of each image by (dx, dy) pixels, zero outside (PtychoPINN's Translation)."""
    m = tf.shape(images)[0]
    one, zero = tf.ones([m]), tf.zeros([m])
    t = tf.stack([one, zero, -dx, zero, one, -dy, zero, zero], axis=1)
    h, w = images.shape[1], images.shape[2]
    return tf.raw_ops.ImageProjectiveTransformV3(images=images, transforms=t, output_shape=[h, w], interpolation='BILINEAR', fill_mode='CONSTANT', fill_value=0.0)


scale = 1000.0 / 32
yy, xx = np.mgrid[:N, :N] - N / 2
probe = tf.constant(np.exp(-(xx ** 2 + yy ** 2) / (2 * 12.8 ** 2)).astype(np.complex64))
adam = keras.optimizers.Adam(1e-3)
pad = (S - N) // 2


@tf.function
def step(x, offsets):
    """x (B, N, N, C) amplitudes·s; offsets (B, C, 2) relative positions [x, y]."""
    dx, dy = tf.reshape(offsets[..., 0], [-1]), tf.reshape(offsets[..., 1], [-1])
    with tf.GradientTape() as tape:
        amp, phase = unet(x / scale, training=True)
        re, im = amp * tf.cos(phase), amp * tf.sin(phase)
        # object.big: every patch onto the S² canvas at its offset, overlap-normalised.
        stack = tf.stack([re, im, tf.ones_like(re)], axis=-1)  # (B, N, N, C, 3)
        stack = tf.reshape(tf.transpose(stack, [0, 3, 1, 2, 4]), [B * C, N, N, 3])
        placed = translate(tf.pad(stack, [[0, 0], [pad, pad], [pad, pad], [0, 0]]), -dx, -dy)
        summed = tf.reduce_sum(tf.reshape(placed, [B, C, S, S, 3]), axis=1)
        canvas = summed[..., :2] / tf.maximum(summed[..., 2:], 1e-3)  # (B, S, S, 2)
        # extraction: the canvas shifted back to each offset, central N².
        tiled = tf.reshape(tf.repeat(canvas[:, None], C, axis=1), [B * C, S, S, 2])
        patches = translate(tiled, dx, dy)[:, pad:pad + N, pad:pad + N, :]
        obj = tf.complex(patches[..., 0], patches[..., 1])  # (B·C, N, N)
        far = tf.signal.fftshift(tf.signal.fft2d(obj * probe), axes=[1, 2])
        amplitude = tf.sqrt(tf.math.real(far * tf.math.conj(far)) / (N * N)) * scale
        counts = tf.square(tf.transpose(tf.reshape(amplitude, [B, C, N, N]), [0, 2, 3, 1]))
        y = tf.square(x)
        loss = tf.reduce_mean(counts - y * tf.math.log(tf.maximum(counts, 1e-12)))
    grads = tape.gradient(loss, unet.trainable_variables)
    adam.apply_gradients(zip(grads, unet.trainable_variables))
    return loss


rng = np.random.default_rng(1)
times = []
for i in range(a.steps + 1):
    x = tf.constant(rng.random((B, N, N, C), dtype=np.float32) * scale)
    off = tf.constant((6 * rng.random((B, C, 2)) - 3).astype(np.float32))
    t0 = time.perf_counter()
    loss = float(step(x, off))
    times.append(time.perf_counter() - t0)
    if not math.isfinite(loss):
        sys.exit(f'loss {loss} at step {i}')
rest = sorted(times[1:])
s = rest[len(rest) // 2]


def r3(v):
    return float(f'{v:.3g}')


print(json.dumps({
    'backend': 'tensorflow (Python)', 'tensorflow': tf.__version__, 'threads': a.threads, 'workers': 1,
    'N': N, 'nFiltersScale': a.f, 'gridsize': a.gridsize, 'objectExtent': a.extent, 'batchGroups': B,
    'parameters': int(unet.count_params()), 'forwardConvGflopPerGroup': r3(fwd_flops / 1e9),
    'firstStepSeconds': r3(times[0]), 'stepSeconds': r3(s), 'groupsPerSec': r3(B / s), 'patternsPerSec': r3(B * C / s),
    'effectiveGflops': r3(3 * B * fwd_flops / 1e9 / s),
}))
