import { useId, useState } from 'react';
import { useI18n } from '../../../i18n/I18nContext';
import { formatDate } from '../../../i18n/i18n';
import { progressCounts, progressLabel } from '../progress';
import type { Dossier, ProgressStep } from '../../../lib/api/types';

/** DOS-4: "Voortgang (x/y)", a disclosure that is collapsed by default. */
export function ProgressPanel({ progress }: { progress: Dossier['progress'] }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const steps = progress?.steps ?? [];
  const { total } = progressCounts(progress);

  return (
    <section className="card progress" aria-labelledby={`${panelId}-h`}>
      <h2 id={`${panelId}-h`} className="progress-heading">
        <button type="button" className="disclosure" aria-expanded={open} aria-controls={panelId} onClick={() => setOpen(!open)}>
          <span className="disclosure-icon" aria-hidden="true">
            {open ? '▾' : '▸'}
          </span>
          {progressLabel(t('dossier.progress'), progress)}
        </button>
      </h2>
      <div id={panelId} hidden={!open}>
        {total === 0 || steps.length === 0 ? <p className="muted">{t('dossier.progress.empty')}</p> : <ProgressSteps steps={steps} />}
      </div>
    </section>
  );
}

function ProgressSteps({ steps }: { steps: ProgressStep[] }) {
  return (
    <ol className="steps">
      {steps.map((step, index) => (
        <ProgressStepItem key={index} step={step} />
      ))}
    </ol>
  );
}

function ProgressStepItem({ step }: { step: ProgressStep }) {
  const { t, lang } = useI18n();
  const state = !step.done
    ? t('dossier.progress.todo')
    : step.doneAt
      ? t('dossier.progress.doneOn', { date: formatDate(step.doneAt, lang) })
      : t('dossier.progress.done');
  return (
    <li className={step.done ? 'step step-done' : 'step'}>
      <span className="step-icon" aria-hidden="true">
        {step.done ? '✓' : ''}
      </span>
      <span className="step-text">
        <span className="step-title">{step.title}</span>
        <span className="step-state">{state}</span>
      </span>
    </li>
  );
}
