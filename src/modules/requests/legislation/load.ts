/**
 * Loads the legislation profiles of a folder of `<STATE>.json` files (by default the demo States shipped with
 * Comity). Read once at start-up and passed in; the file name must agree with the profile's `state`, so a copied
 * file cannot silently speak for the wrong State.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ProfileError } from './errors.ts';
import { parseProfile, type ProfileWithDesignations } from './parse.ts';

/** The folder of the profiles shipped with Comity (XA Arland, XB Borduria, XC Carpania). */
export const SHIPPED_PROFILES_DIR: string = fileURLToPath(new URL('./profiles/', import.meta.url));

const FILE_NAME = /^([A-Z]{2})\.json$/;

function message(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/**
 * Reads and validates every `*.json` file of `dir` (other files are ignored), keyed by State code, in code order.
 * @throws ProfileError naming the file and the JSON Pointer of each problem: unreadable folder or file, a `.json`
 * file not named `<STATE>.json`, invalid JSON, an invalid profile, or a `state` that differs from the file name.
 */
export function loadProfiles(dir: string = SHIPPED_PROFILES_DIR): ReadonlyMap<string, ProfileWithDesignations> {
  let names: string[];
  try {
    names = readdirSync(dir).filter((n) => n.endsWith('.json'));
  } catch (e) {
    throw new ProfileError(dir, [{ pointer: '', detail: `cannot read the folder: ${message(e)}` }]);
  }
  const profiles = new Map<string, ProfileWithDesignations>();
  for (const name of names.sort()) {
    const file = join(dir, name);
    const state = FILE_NAME.exec(name)?.[1];
    if (state === undefined) throw new ProfileError(file, [{ pointer: '', detail: 'a profile file must be named <STATE>.json, e.g. XA.json' }]);
    let json: unknown;
    try {
      json = JSON.parse(readFileSync(file, 'utf8'));
    } catch (e) {
      throw new ProfileError(file, [{ pointer: '', detail: `cannot read it as JSON: ${message(e)}` }]);
    }
    const profile = parseProfile(json, file);
    if (profile.state !== state) throw new ProfileError(file, [{ pointer: '/state', detail: `is "${profile.state}" but the file is named ${name}` }]);
    profiles.set(state, profile);
  }
  return profiles;
}
