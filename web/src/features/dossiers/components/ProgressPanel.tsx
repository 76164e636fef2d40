import { useEffect, useId, useRef, useState } from 'react';
import { Link } from 'react-router';
import { useI18n } from '../../../i18n/I18nContext';
import { formatDate, formatShortDate } from '../../../i18n/i18n';
import { progressCounts, progressLabel } from '../progress';
import type { Dossier, ProgressStep, StepRequest } from '../../../lib/api/types';
import { DueDate } from '../../../components/DueDate';
import { DeliverForRequestDialog, type DeliveryTarget } from '../../messages/components/DeliverForRequestDialog';

/** When a request of this page was delivered (step id → ISO moment): shown before the server has it. */
type Delivered = Readonly<Record<string, string>>;

/**
 * DOS-4: "Voortgang (x/y)", a disclosure that is collapsed by default (open when asked, e.g. by a link from Home). Each
 * step says whether it is done, when it is planned, what it means and what the office needs from the client (NEW-2):
 * "Aanleveren" (the message form with the attachment pop-up) or "Invullen" (the questionnaire).
 */
export function ProgressPanel({
  progress,
  dossier,
  initiallyOpen = false,
  focusStepId,
  onDelivered,
}: {
  progress: Dossier['progress'];
  /** The dossier the steps belong to; without it no request can be delivered from here. */
  dossier?: Pick<Dossier, 'id' | 'number'>;
  initiallyOpen?: boolean;
  /** A step to scroll to and focus once (a link to it). */
  focusStepId?: string | null;
  /** A requested document was sent. */
  onDelivered?: () => void;
}) {
  const { t } = useI18n();
  const [open, setOpen] = useState(initiallyOpen);
  const [delivering, setDelivering] = useState<DeliveryTarget | null>(null);
  const [delivered, setDelivered] = useState<Delivered>({});
  const [status, setStatus] = useState('');
  const panelId = useId();
  const listRef = useRef<HTMLOListElement>(null);
  const focusedStep = useRef<string | null>(null);
  const steps = progress?.steps ?? [];
  const { total } = progressCounts(progress);

  useEffect(() => {
    if (!open || !focusStepId || focusedStep.current === focusStepId) return;
    const item = [...(listRef.current?.querySelectorAll<HTMLElement>('[data-step-id]') ?? [])].find((el) => el.dataset.stepId === focusStepId);
    if (!item) return;
    focusedStep.current = focusStepId;
    item.scrollIntoView?.({ block: 'center' });
    item.focus();
  }, [open, focusStepId, steps]);

  const deliver = (step: ProgressStep, name: string) => {
    if (!dossier || !step.id) return;
    setStatus('');
    setDelivering({ dossierId: dossier.id, dossierNumber: dossier.number, stepId: step.id, name });
  };

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
        {total === 0 || steps.length === 0 ? (
          <p className="muted">{t('dossier.progress.empty')}</p>
        ) : (
          <ol className="steps" ref={listRef}>
            {steps.map((step, index) => (
              <ProgressStepItem
                key={step.id ?? index}
                step={step}
                deliveredAt={step.id ? delivered[step.id] : undefined}
                onDeliver={dossier && step.id ? (name) => deliver(step, name) : undefined}
              />
            ))}
          </ol>
        )}
      </div>
      <p role="status" className={status ? 'notice notice-ok' : 'notice'}>
        {status}
      </p>
      {delivering && (
        <DeliverForRequestDialog
          target={delivering}
          onClose={() => setDelivering(null)}
          onSent={() => {
            setDelivered((all) => ({ ...all, [delivering.stepId]: new Date().toISOString() }));
            setDelivering(null);
            setStatus(t('request.delivered', { name: delivering.name }));
            onDelivered?.();
          }}
        />
      )}
    </section>
  );
}

function ProgressStepItem({
  step,
  deliveredAt,
  onDeliver,
}: {
  step: ProgressStep;
  deliveredAt?: string;
  onDeliver?: (name: string) => void;
}) {
  const { t, lang } = useI18n();
  const state = !step.done
    ? t('dossier.progress.todo')
    : step.doneAt
      ? t('dossier.progress.doneOn', { date: formatDate(step.doneAt, lang) })
      : t('dossier.progress.done');
  return (
    <li className={step.done ? 'step step-done' : 'step'} data-step-id={step.id} tabIndex={step.id ? -1 : undefined}>
      <span className="step-icon" aria-hidden="true">
        {step.done ? '✓' : ''}
      </span>
      <span className="step-text">
        <span className="step-title">{step.title}</span>
        <span className="step-state">{state}</span>
        {!step.done && step.plannedDate && (
          <span className="step-planned">{t('dossier.progress.planned', { date: formatShortDate(step.plannedDate, lang) })}</span>
        )}
        {step.explanation && <span className="step-explanation">{step.explanation}</span>}
        {step.request && <StepRequestView request={step.request} stepTitle={step.title} deliveredAt={deliveredAt} onDeliver={onDeliver} />}
      </span>
    </li>
  );
}

/** "Wij hebben van u nodig: Kopie paspoort · uiterlijk 15 december" with "Aanleveren", or "Aangeleverd op …". */
function StepRequestView({
  request,
  stepTitle,
  deliveredAt,
  onDeliver,
}: {
  request: StepRequest;
  stepTitle: string;
  deliveredAt?: string;
  onDeliver?: (name: string) => void;
}) {
  const { t, lang } = useI18n();
  const fulfilledAt = request.fulfilledAt ?? deliveredAt;
  if (fulfilledAt) {
    const date = formatDate(fulfilledAt, lang);
    return (
      <span className="step-request step-request-done">
        <span aria-hidden="true">✓ </span>
        {request.kind === 'DOCUMENT'
          ? t('dossier.progress.request.delivered', { date, name: request.name })
          : t('dossier.progress.request.filledIn', { date })}
      </span>
    );
  }
  return (
    <span className="step-request">
      <span className="step-request-what">
        {request.kind === 'DOCUMENT' ? t('dossier.progress.request.document', { name: request.name }) : t('dossier.progress.request.questionnaire')}
        {request.dueDate && (
          <>
            <span aria-hidden="true"> · </span>
            <DueDate date={request.dueDate} />
          </>
        )}
      </span>
      {request.kind === 'DOCUMENT' && onDeliver && (
        <span className="step-request-action">
          <button type="button" className="button button-primary button-small" aria-haspopup="dialog" onClick={() => onDeliver(request.name)}>
            {t('request.deliver')}
            <span className="visually-hidden"> {request.name}</span>
          </button>
        </span>
      )}
      {request.kind === 'QUESTIONNAIRE' && request.assignmentId && (
        <span className="step-request-action">
          <Link className="button button-primary button-small" to={`/acties/${encodeURIComponent(request.assignmentId)}`}>
            {t('request.fillIn')}
            <span className="visually-hidden"> {t('home.needed.step', { step: stepTitle })}</span>
          </Link>
        </span>
      )}
    </span>
  );
}
