import { usePageTitle } from '../../../lib/hooks';

/** Sets the document title from inside a view (renders nothing). */
export function PageTitle({ title }: { title: string }) {
  usePageTitle(title);
  return null;
}
