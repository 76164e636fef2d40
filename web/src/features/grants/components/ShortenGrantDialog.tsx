import { useId, useRef, useState, type FormEvent } from 'react';
import { useI18n } from '../../../i18n/I18nContext';
import { formatDate } from '../../../i18n/i18n';
import { ApiError } from '../../../lib/api/client';
import type { Grant } from '../../../lib/api/types';
import { Dialog } from '../../../components/Dialog';
import { DateField } from '../../../components/FormField';
import { ErrorMessage } from '../../../components/Status';
import { isWithin, shorterDays, type DayRange } from '../grantDates';
import { grantRefusal, untilRangeText } from '../grantProblems';

/**
 * "Inkorten": an earlier last day, from today up to the day before the current one (a later day is a new grant). The
 * date field takes the focus; a refused date is said next to it.
 */
export function ShortenGrantDialog({
  grant,
  shorten,
  onCancel,
  onShortened,
}: {
  grant: Grant;
  shorten: (grant: Grant, until: string) => Promise<Grant>;
  onCancel: () => void;
  onShortened: (grant: Grant) => void;
}) {
  const { t, lang } = useI18n();
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  // Opened only while an earlier day is left (GrantItem); the fallback keeps the form sensible should the day turn meanwhile.
  const [range] = useState<DayRange>(() => shorterDays(grant.until) ?? { min: grant.until, max: grant.until });
  const [until, setUntil] = useState(range.max);
  const [error, setError] = useState<string | undefined>(undefined);
  const [failure, setFailure] = useState<unknown>(undefined);
  const [saving, setSaving] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (saving) return;
    setFailure(undefined);
    if (!isWithin(until, range)) {
      setError(untilRangeText(range, lang));
      input.current?.focus();
      return;
    }
    setError(undefined);
    setSaving(true);
    try {
      onShortened(await shorten(grant, until));
    } catch (err) {
      setSaving(false);
      const refusal = grantRefusal(err, range, lang);
      if (refusal?.fields.until) {
        setError(refusal.fields.until);
        input.current?.focus();
      } else {
        setFailure(err);
      }
    }
  };
  const cancel = () => !saving && onCancel();
  const gone = failure instanceof ApiError && failure.status === 404;

  return (
    <Dialog labelledBy={`${id}-title`} describedBy={`${id}-text`} onClose={cancel} initialFocus={input}>
      <h2 id={`${id}-title`} className="dialog-title">
        {t('grants.shorten.title', { name: grant.name })}
      </h2>
      <p id={`${id}-text`}>
        {t('grants.shorten.text', { name: grant.name, number: grant.dossierNumber, date: formatDate(grant.until, lang) })}
      </p>
      <form noValidate onSubmit={submit}>
        <DateField
          id={`${id}-until`}
          inputRef={input}
          name="until"
          label={t('grants.untilField')}
          value={until}
          min={range.min}
          max={range.max}
          error={error}
          onChange={(value) => {
            setUntil(value);
            setError(undefined);
          }}
        />
        {failure !== undefined &&
          (gone ? (
            <p className="alert alert-error" role="alert">
              {t('grants.gone')}
            </p>
          ) : (
            <div className="form-failure">
              <p className="field-error">{t('grants.shortenFailed')}</p>
              <ErrorMessage error={failure} />
            </div>
          ))}
        <div className="dialog-actions">
          <button type="submit" className="button button-primary" aria-disabled={saving || undefined}>
            {t('grants.shorten')}
          </button>
          <button type="button" className="button button-secondary" onClick={cancel} aria-disabled={saving || undefined}>
            {t('grants.cancel')}
          </button>
        </div>
        <p className="visually-hidden" role="status">
          {saving ? t('grants.shortening') : ''}
        </p>
      </form>
    </Dialog>
  );
}
