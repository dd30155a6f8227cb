// Where the native TensorFlow pieces are cached, outside every checkout (issue 16): the C library
// and compiled addon of `npm run setup:native` (tools/setup-native.mjs), and the bench's Python
// TensorFlow environment (bench/native.mjs). $PTYCHO_NATIVE_CACHE, else
// $XDG_CACHE_HOME/ptychojs/native, else ~/.cache/ptychojs/native.
import os from 'node:os';
import path from 'node:path';

export function nativeCacheDir() {
  if (process.env.PTYCHO_NATIVE_CACHE) return path.resolve(process.env.PTYCHO_NATIVE_CACHE);
  return path.join(process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache'), 'ptychojs', 'native');
}
