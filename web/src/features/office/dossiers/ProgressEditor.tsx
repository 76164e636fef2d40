import { useEffect, useId, useState, type FormEvent } from 'react';
import { useI18n } from '../../../i18n/I18nContext';
import * as portalApi from '../../../lib/api/portalApi';
import type { ProgressStep, StaffDossier } from '../../../lib/api/types';
import { DateTime } from '../../../components/DateTime';
import { FieldError } from '../../../components/FormField';
import { ErrorMessage } from '../../../components/Status';

interface EditedStep extends ProgressStep {
  key: number;
}

let nextKey = 0;
const edited = (steps: ProgressStep[]): EditedStep[] => steps.map((s) => ({ ...s, key: nextKey++ }));

/**
 * The progress steps the client sees (DOS-4): add, rename, reorder, mark done, remove; saved as one list, the server
 * dates a step when it is first marked done.
 */
export function ProgressEditor({ dossier, onSaved }: { dossier: StaffDossier; onSaved: (d: StaffDossier) => void }) {
  const { t } = useI18n();
  const id = useId();
  const [steps, setSteps] = useState<EditedStep[]>(() => edited(dossier.progress?.steps ?? []));
  const [newTitle, setNewTitle] = useState('');
  const [emptyTitles, setEmptyTitles] = useState(false);
  const [failure, setFailure] = useState<unknown>(undefined);
  const [saving, setSaving] = useState(false);
  const [status, setStatus] = useState('');
  useEffect(() => setSteps(edited(dossier.progress?.steps ?? [])), [dossier.progress]);

  const change = (key: number, patch: Partial<ProgressStep>) =>
    setSteps((all) => all.map((s) => (s.key === key ? { ...s, ...patch } : s)));
  const move = (index: number, by: -1 | 1) =>
    setSteps((all) => {
      const next = [...all];
      [next[index], next[index + by]] = [next[index + by], next[index]];
      return next;
    });

  const add = () => {
    if (!newTitle.trim()) return;
    setSteps((all) => [...all, { key: nextKey++, title: newTitle.trim(), done: false }]);
    setNewTitle('');
  };

  const save = async (e: FormEvent) => {
    e.preventDefault();
    setStatus('');
    setFailure(undefined);
    const empty = steps.some((s) => !s.title.trim());
    setEmptyTitles(empty);
    if (empty) return;
    setSaving(true);
    try {
      onSaved(await portalApi.replaceProgress(dossier.id, steps.map((s) => ({ title: s.title.trim(), done: s.done }))));
      setStatus(t('office.saved'));
    } catch (err) {
      setFailure(err);
    } finally {
      setSaving(false);
    }
  };

  return (
    <section className="card" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{t('office.progress.heading')}</h2>
      <form onSubmit={save} noValidate>
        {emptyTitles && <FieldError id={`${id}-error`} text={t('office.progress.title.missing')} />}
        {steps.length === 0 ? (
          <p>{t('office.progress.none')}</p>
        ) : (
          <ol className="progress-editor">
            {steps.map((step, index) => (
              <li key={step.key}>
                <label className="checkbox">
                  <input type="checkbox" checked={step.done} onChange={(e) => change(step.key, { done: e.target.checked })} />
                  <span className="visually-hidden">{t('office.progress.done', { title: step.title })}</span>
                </label>
                <input
                  type="text"
                  aria-label={t('office.progress.title.label', { n: index + 1 })}
                  value={step.title}
                  maxLength={200}
                  aria-invalid={emptyTitles && !step.title.trim() ? true : undefined}
                  onChange={(e) => change(step.key, { title: e.target.value })}
                />
                <span className="step-date">{step.done && step.doneAt ? <DateTime value={step.doneAt} dateOnly /> : null}</span>
                <span className="step-tools">
                  <button type="button" className="button button-secondary button-small" disabled={index === 0} onClick={() => move(index, -1)}>
                    <span aria-hidden="true">↑</span>
                    <span className="visually-hidden">{t('office.progress.up', { title: step.title })}</span>
                  </button>
                  <button type="button" className="button button-secondary button-small" disabled={index === steps.length - 1} onClick={() => move(index, 1)}>
                    <span aria-hidden="true">↓</span>
                    <span className="visually-hidden">{t('office.progress.down', { title: step.title })}</span>
                  </button>
                  <button type="button" className="button button-secondary button-small" onClick={() => setSteps((all) => all.filter((s) => s.key !== step.key))}>
                    {t('office.progress.remove')}
                    <span className="visually-hidden"> {step.title}</span>
                  </button>
                </span>
              </li>
            ))}
          </ol>
        )}
        <div className="field inline-add">
          <label htmlFor={`${id}-new`}>{t('office.progress.new.label')}</label>
          <div className="search-row">
            <input
              id={`${id}-new`}
              type="text"
              maxLength={200}
              value={newTitle}
              onChange={(e) => setNewTitle(e.target.value)}
              onKeyDown={(e) => {
                if (e.key === 'Enter') {
                  e.preventDefault();
                  add();
                }
              }}
            />
            <button type="button" className="button button-secondary" onClick={add}>
              {t('office.progress.add')}
            </button>
          </div>
        </div>
        {failure !== undefined && <ErrorMessage error={failure} />}
        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={saving}>
            {t('office.progress.save')}
          </button>
          <span className="form-status" role="status">
            {status}
          </span>
        </div>
      </form>
    </section>
  );
}
