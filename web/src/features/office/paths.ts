/** The workspace's routes: everything of the office lives under /kantoor (same route in English). */
export const OFFICE_HOME = '/kantoor';

export const officePath = {
  dossiers: () => `${OFFICE_HOME}/dossiers`,
  newDossier: () => `${OFFICE_HOME}/dossiers/nieuw`,
  dossier: (id: string, tab?: string) => `${OFFICE_HOME}/dossiers/${encodeURIComponent(id)}${tab ? `?tab=${tab}` : ''}`,
  clients: () => `${OFFICE_HOME}/clienten`,
  client: (id: string) => `${OFFICE_HOME}/clienten/${encodeURIComponent(id)}`,
  questionnaires: () => `${OFFICE_HOME}/vragenlijsten`,
  /** One version of a questionnaire, shown as the client sees it (the preview). */
  questionnaireVersion: (key: string, version: number) => `${OFFICE_HOME}/vragenlijsten/${encodeURIComponent(key)}/versies/${version}`,
  /** "Nieuwe versie uploaden", optionally starting from the JSON of an existing version. */
  uploadQuestionnaire: (from?: { key: string; version: number }) =>
    `${OFFICE_HOME}/vragenlijsten/uploaden${from ? `?${new URLSearchParams({ van: from.key, versie: String(from.version) })}` : ''}`,
};

/** Whether a path belongs to the workspace. */
export const isOfficePath = (pathname: string) => pathname === OFFICE_HOME || pathname.startsWith(`${OFFICE_HOME}/`);
