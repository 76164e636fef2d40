import { PlainPage } from './PlainPage';

export const NotFoundPage = () => <PlainPage title="notFound.title" text="notFound.text" />;
