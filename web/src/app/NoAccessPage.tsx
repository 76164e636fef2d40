import { PlainPage } from './PlainPage';

/** A client on a page of the office workspace: it is not theirs, and nothing of it is loaded. */
export const NoAccessPage = () => <PlainPage title="office.noAccess.title" text="office.noAccess.text" />;
