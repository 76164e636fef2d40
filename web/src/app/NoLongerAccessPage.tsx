import { PlainPage } from './PlainPage';

/** A dossier the account was using answers 404 now (a grant revoked or ended, a party removed): says so, not an error. */
export const NoLongerAccessPage = () => <PlainPage title="dossier.accessEnded.title" text="dossier.accessEnded.text" />;
