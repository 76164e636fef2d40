import { useApi } from '../../lib/hooks';
import * as portalApi from '../../lib/api/portalApi';

/**
 * Suggestions for a party field: accounts whose name, e-mail address or company matches what was typed (from 2
 * characters), offered through the field's <datalist> with their e-mail address as the value.
 */
export function AccountSuggestions({ id, typed }: { id: string; typed: string }) {
  const text = typed.trim();
  const found = useApi(
    (signal) => portalApi.staffAccounts({ query: text, states: [], types: [], companyId: '', page: 0 }, signal),
    text.length >= 2 && !text.includes('@') ? text : null,
  );
  return (
    <datalist id={id}>
      {(found.data?.items ?? [])
        .filter((a) => a.state !== 'REMOVED')
        .map((a) => (
          <option key={a.id} value={a.email}>
            {a.companyName && a.type !== 'PERSON' ? `${a.name} (${a.companyName})` : a.name}
          </option>
        ))}
    </datalist>
  );
}
