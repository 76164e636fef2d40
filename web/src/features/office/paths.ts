/** The workspace's routes: everything of the office lives under /kantoor (same route in English). */
export const OFFICE_HOME = '/kantoor';

export const officePath = {
  dossiers: () => `${OFFICE_HOME}/dossiers`,
  newDossier: () => `${OFFICE_HOME}/dossiers/nieuw`,
  dossier: (id: string, tab?: string) => `${OFFICE_HOME}/dossiers/${encodeURIComponent(id)}${tab ? `?tab=${tab}` : ''}`,
  clients: () => `${OFFICE_HOME}/clienten`,
  client: (id: string) => `${OFFICE_HOME}/clienten/${encodeURIComponent(id)}`,
  questionnaires: () => `${OFFICE_HOME}/vragenlijsten`,
};

/** Whether a path belongs to the workspace. */
export const isOfficePath = (pathname: string) => pathname === OFFICE_HOME || pathname.startsWith(`${OFFICE_HOME}/`);
