import { useEffect, useId, useState, type FormEvent } from 'react';
import { useI18n } from '../../../i18n/I18nContext';
import type { MessageKey } from '../../../i18n/i18n';
import * as portalApi from '../../../lib/api/portalApi';
import { DOSSIER_STATUSES, type DossierStatus, type StaffDossier } from '../../../lib/api/types';
import { FieldError } from '../../../components/FormField';
import { ErrorMessage } from '../../../components/Status';
import { fieldErrorsOf } from '../fieldErrors';

/** Description and status of a dossier; saved together, the status change is what clients see at once. */
export function DossierDetailsForm({ dossier, onSaved }: { dossier: StaffDossier; onSaved: (d: StaffDossier) => void }) {
  const { t } = useI18n();
  const id = useId();
  const [description, setDescription] = useState(dossier.description);
  const [status, setStatus] = useState<DossierStatus>(dossier.status);
  const [error, setError] = useState<string | undefined>(undefined);
  const [failure, setFailure] = useState<unknown>(undefined);
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState(false);
  useEffect(() => {
    setDescription(dossier.description);
    setStatus(dossier.status);
  }, [dossier.description, dossier.status]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setSaved(false);
    setFailure(undefined);
    if (!description.trim()) {
      setError(t('office.dossier.description.missing'));
      return;
    }
    setError(undefined);
    setSaving(true);
    try {
      onSaved(await portalApi.changeDossier(dossier.id, { description: description.trim(), status }));
      setSaved(true);
    } catch (err) {
      const fields = fieldErrorsOf(err);
      if (fields.description) setError(t('office.dossier.description.invalid'));
      else setFailure(err);
    } finally {
      setSaving(false);
    }
  };

  return (
    <section className="card" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{t('office.dossier.details.heading')}</h2>
      <form onSubmit={submit} noValidate>
        <div className={error ? 'field field-invalid' : 'field'}>
          <label htmlFor={`${id}-description`}>{t('dossiers.col.description')}</label>
          {error && <FieldError id={`${id}-description-error`} text={error} />}
          <textarea
            id={`${id}-description`}
            rows={2}
            maxLength={500}
            value={description}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? `${id}-description-error` : undefined}
            onChange={(e) => setDescription(e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-status`}>{t('dossiers.col.status')}</label>
          <select id={`${id}-status`} value={status} onChange={(e) => setStatus(e.target.value as DossierStatus)}>
            {DOSSIER_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`status.${s}` as MessageKey)}
              </option>
            ))}
          </select>
        </div>
        {failure !== undefined && <ErrorMessage error={failure} />}
        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={saving}>
            {t('office.save')}
          </button>
          <span className="form-status" role="status">
            {saved ? t('office.saved') : ''}
          </span>
        </div>
      </form>
    </section>
  );
}
