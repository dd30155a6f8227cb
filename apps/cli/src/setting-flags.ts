/**
 * Flags for the settings of a package's schema (ePIE, inference, simulation, training): each flag
 * maps to one key; values stay strings here, the schema converts and checks them and names the
 * flag in its errors. Defaults live in the package (its `*_DEFAULTS`) and the help states them.
 */
import { Option, type Command } from 'commander';

/** One flag of a setting: `flag` as commander takes it (`--probe-alpha <b>`), `key` the schema's. */
export interface SettingFlag {
  readonly flag: string;
  readonly key: string;
  readonly help: string;
  /** Also add `--no-<flag>`. */
  readonly negatable?: boolean;
}

/** `--probe-alpha <b>` → `--probe-alpha`. */
const flagName = (flag: string): string => flag.split(' ')[0]!;

/** `--probe-alpha <b>` → `probeAlpha`: where commander stores the flag's value. */
function flagAttribute(flag: string): string {
  return flagName(flag).slice(2).replace(/-([a-z])/g, (_m, c: string) => c.toUpperCase());
}

/** A default as help states it: `1e6` rather than `1000000`. */
function shown(v: unknown): string {
  return typeof v === 'number' && Number.isInteger(v) && Math.abs(v) >= 1e5 ? v.toExponential().replace('e+', 'e') : String(v);
}

/**
 * Add the flags to `cmd`, each help of a flag that takes a value ending in `(default X)` when
 * `defaults` has its key (other flags state theirs in their help, or have none; a switch is off
 * unless given).
 */
export function addSettingFlags(cmd: Command, flags: readonly SettingFlag[], defaults: Readonly<Record<string, unknown>> = {}): Command {
  for (const f of flags) {
    const d = /[<[]/.test(f.flag) ? defaults[f.key] : undefined;
    cmd.addOption(new Option(f.flag, d === undefined ? f.help : `${f.help} (default ${shown(d)})`));
    if (f.negatable) cmd.addOption(new Option(f.flag.replace('--', '--no-'), `turn ${flagName(f.flag)} off`));
  }
  return cmd;
}

/** The settings input of the flags given (key → the value as typed) in commander's `values`; flags not given are left out. */
export function settingsInput(values: object, flags: readonly SettingFlag[]): Record<string, unknown> {
  const input: Record<string, unknown> = {};
  for (const f of flags) {
    const v = (values as Readonly<Record<string, unknown>>)[flagAttribute(f.flag)];
    if (v !== undefined) input[f.key] = v;
  }
  return input;
}

/** Key → flag (`rpieAlpha` → `--alpha`): the `names` a schema's errors use, so they name the flag. */
export function flagNames(flags: readonly SettingFlag[]): Record<string, string> {
  return Object.fromEntries(flags.map((f) => [f.key, flagName(f.flag)]));
}
