// Settings some scenarios need that the stack does not start with, applied by restarting one component with
// ./portal restart <component> VAR=value (lib/stack.mjs notes them in .local/reliability/overrides.json), so a
// later scenario restarts only when needed; reliability/run.mjs puts the components back as ./portal up started
// them at the end (RELIABILITY_RESTORE=0 leaves them: ./portal test stops the stack right after).
import { overrides, restart } from './stack.mjs';

/** Scenario e uploads 100 MB: more than the stack's limit of 50 MB per file. */
export const UPLOAD_LIMIT_FOR_E = { UPLOAD_MAX_FILE_SIZE: '110MB' };
/** Scenario d parks a record that fails in a handler: notification-service with 2 retries (1.5 s) instead of 10 (2.5 minutes). */
export const MAIL_RETRIES_FOR_D = { MAIL_RETRIES: '2' };

/** Whether the component runs with (at least) these settings. */
export function runsWith(component, env) {
  const current = overrides()[component] ?? {};
  return Object.entries(env).every(([name, value]) => current[name] === value);
}

/** Restarts the component with these settings unless it already runs with them; resolves with the ms it took (0: not needed). */
export async function ensureRunsWith(component, env) {
  if (runsWith(component, env)) return 0;
  return restart(component, env);
}

/** Restarts every component that runs with changed settings as ./portal up started it. */
export async function restoreAll() {
  for (const component of Object.keys(overrides())) {
    console.log(`restoring ${component} as ./portal up started it`);
    await restart(component);
  }
}

/** Restarts the component as ./portal up started it if a scenario changed its settings; resolves with the ms it took (0: not needed). */
export async function ensurePlain(component) {
  if (!overrides()[component]) return 0;
  return restart(component);
}
