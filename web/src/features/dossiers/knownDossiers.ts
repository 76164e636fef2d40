// The dossiers this browser tab has shown the account (in the list or opened). A 404 on one of them means the access
// ended while the account was using it (a grant revoked or expired, a party removed): the page says so plainly instead
// of "not found". Kept per tab (sessionStorage), so that reloading the page still knows.
const STORE = 'portal.knownDossiers';
const MAX = 500;

let memory: string[] | null = null;

function load(): string[] {
  if (memory) return memory;
  try {
    const stored: unknown = JSON.parse(window.sessionStorage.getItem(STORE) ?? '[]');
    memory = Array.isArray(stored) ? stored.filter((v): v is string => typeof v === 'string') : [];
  } catch {
    memory = [];
  }
  return memory;
}

export function rememberDossiers(ids: readonly string[]): void {
  const known = load();
  const fresh = [...new Set(ids)].filter((id) => !known.includes(id));
  if (fresh.length === 0) return;
  memory = [...known, ...fresh].slice(-MAX);
  try {
    window.sessionStorage.setItem(STORE, JSON.stringify(memory));
  } catch {
    /* private mode or full: known for this page's life only */
  }
}

export const wasShown = (id: string): boolean => load().includes(id);

/** For tests: forget everything. */
export function forgetDossiers(): void {
  memory = [];
  try {
    window.sessionStorage.removeItem(STORE);
  } catch {
    /* nothing to forget */
  }
}
