import { useEffect, useId, useState, type FormEvent } from 'react';
import { useI18n } from '../../../i18n/I18nContext';
import { useApi } from '../../../lib/hooks';
import * as portalApi from '../../../lib/api/portalApi';
import type { ProgressStep, StaffDossier } from '../../../lib/api/types';
import { DateTime } from '../../../components/DateTime';
import { FieldError } from '../../../components/FormField';
import { ErrorMessage } from '../../../components/Status';
import { editedStep, newStep, stepErrors, stepInput, StepDetailsEditor, type EditedStep, type StepErrors } from './StepDetailsEditor';

const edited = (steps: ProgressStep[]): EditedStep[] => steps.map(editedStep);

/**
 * The progress steps the client sees (DOS-4, NEW-2): add, rename, reorder, mark done, remove, and per step an
 * explanation, a planned date and a request (a document to deliver or a questionnaire to fill in); saved as one list with
 * each existing step's id, the server dates a step when it is first marked done.
 */
export function ProgressEditor({ dossier, onSaved }: { dossier: StaffDossier; onSaved: (d: StaffDossier) => void }) {
  const { t } = useI18n();
  const id = useId();
  const [steps, setSteps] = useState<EditedStep[]>(() => edited(dossier.progress?.steps ?? []));
  const [newTitle, setNewTitle] = useState('');
  const [emptyTitles, setEmptyTitles] = useState(false);
  const [errors, setErrors] = useState<Record<number, StepErrors>>({});
  const [failure, setFailure] = useState<unknown>(undefined);
  const [saving, setSaving] = useState(false);
  const [status, setStatus] = useState('');
  useEffect(() => setSteps(edited(dossier.progress?.steps ?? [])), [dossier.progress]);

  // The questionnaires a step can ask for: loaded once a step asks for one.
  const wantsAssignments = steps.some((s) => s.requestKind === 'QUESTIONNAIRE');
  const assignments = useApi((signal) => portalApi.staffAssignments(dossier.id, signal), wantsAssignments ? dossier.id : null);

  const change = (key: number, patch: Partial<EditedStep>) => {
    setSteps((all) => all.map((s) => (s.key === key ? { ...s, ...patch } : s)));
    if (patch.requestKind !== undefined || patch.requestName !== undefined || patch.requestAssignmentId !== undefined) {
      setErrors((all) => (all[key] ? { ...all, [key]: {} } : all));
    }
  };
  const move = (index: number, by: -1 | 1) =>
    setSteps((all) => {
      const next = [...all];
      [next[index], next[index + by]] = [next[index + by], next[index]];
      return next;
    });

  const add = () => {
    if (!newTitle.trim()) return;
    setSteps((all) => [...all, newStep(newTitle.trim())]);
    setNewTitle('');
  };

  const save = async (e: FormEvent) => {
    e.preventDefault();
    setStatus('');
    setFailure(undefined);
    const empty = steps.some((s) => !s.title.trim());
    setEmptyTitles(empty);
    const found: Record<number, StepErrors> = {};
    for (const step of steps) {
      const stepFound = stepErrors(step, t);
      if (stepFound.name || stepFound.assignment) found[step.key] = stepFound;
    }
    setErrors(found);
    if (empty || Object.keys(found).length > 0) {
      setStatus(t('office.progress.invalid'));
      return;
    }
    setSaving(true);
    try {
      onSaved(await portalApi.replaceProgress(dossier.id, steps.map(stepInput)));
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
                <StepDetailsEditor
                  step={step}
                  index={index}
                  dossier={dossier}
                  assignments={assignments.error !== undefined ? undefined : (assignments.data ?? null)}
                  errors={errors[step.key] ?? {}}
                  onChange={(patch) => change(step.key, patch)}
                />
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
