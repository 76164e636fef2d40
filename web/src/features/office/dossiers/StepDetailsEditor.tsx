import { Link } from 'react-router';
import { useI18n } from '../../../i18n/I18nContext';
import { formatDate, formatShortDate, type MessageKey } from '../../../i18n/i18n';
import type { ProgressStep, ProgressStepInput, StaffAssignment, StaffDossier, StepRequest } from '../../../lib/api/types';
import { FieldError } from '../../../components/FormField';
import { officePath } from '../paths';

export const EXPLANATION_MAX = 500;
export const REQUEST_NAME_MAX = 100;

export type RequestKind = 'NONE' | 'DOCUMENT' | 'QUESTIONNAIRE';
const REQUEST_KINDS: readonly RequestKind[] = ['NONE', 'DOCUMENT', 'QUESTIONNAIRE'];

/** A step as the editor holds it: every field a string, the saved request kept to show whether it was fulfilled. */
export interface EditedStep {
  key: number;
  id?: string;
  title: string;
  done: boolean;
  doneAt?: string | null;
  explanation: string;
  plannedDate: string;
  requestKind: RequestKind;
  requestName: string;
  requestAssignmentId: string;
  requestDueDate: string;
  /** The request as the server has it. */
  saved: StepRequest | null;
  detailsOpen: boolean;
}

export type StepErrors = { name?: string; assignment?: string };

let nextKey = 0;

export function editedStep(step: ProgressStep): EditedStep {
  const request = step.request ?? null;
  return {
    key: nextKey++,
    id: step.id,
    title: step.title,
    done: step.done,
    doneAt: step.doneAt,
    explanation: step.explanation ?? '',
    plannedDate: step.plannedDate ?? '',
    requestKind: request?.kind ?? 'NONE',
    requestName: request?.kind === 'DOCUMENT' ? request.name : '',
    requestAssignmentId: request?.kind === 'QUESTIONNAIRE' ? request.assignmentId : '',
    requestDueDate: request?.dueDate ?? '',
    saved: request,
    detailsOpen: false,
  };
}

export const newStep = (title: string): EditedStep => editedStep({ title, done: false });

/** What PUT …/progress gets for the step: its id when it has one, empty fields left out. */
export function stepInput(s: EditedStep): ProgressStepInput {
  const explanation = s.explanation.trim();
  const dueDate = s.requestDueDate ? { dueDate: s.requestDueDate } : {};
  const request =
    s.requestKind === 'DOCUMENT'
      ? { request: { kind: 'DOCUMENT' as const, name: s.requestName.trim(), ...dueDate } }
      : s.requestKind === 'QUESTIONNAIRE'
        ? { request: { kind: 'QUESTIONNAIRE' as const, assignmentId: s.requestAssignmentId.trim(), ...dueDate } }
        : {};
  return {
    ...(s.id ? { id: s.id } : {}),
    title: s.title.trim(),
    done: s.done,
    ...(explanation ? { explanation } : {}),
    ...(s.plannedDate ? { plannedDate: s.plannedDate } : {}),
    ...request,
  };
}

export function stepErrors(s: EditedStep, t: (key: MessageKey) => string): StepErrors {
  const errors: StepErrors = {};
  if (s.requestKind === 'DOCUMENT' && !s.requestName.trim()) errors.name = t('office.progress.request.name.missing');
  if (s.requestKind === 'QUESTIONNAIRE' && !s.requestAssignmentId.trim()) errors.assignment = t('office.progress.request.assignment.missing');
  return errors;
}

/** The saved request is still the one being edited (so its "Aangeleverd door …" still holds). */
function sameRequest(s: EditedStep): boolean {
  const saved = s.saved;
  if (!saved || saved.kind !== s.requestKind) return false;
  return saved.kind === 'DOCUMENT' ? saved.name === s.requestName.trim() : saved.assignmentId === s.requestAssignmentId.trim();
}

/**
 * A step's explanation, planned date and request (NEW-2), in a disclosure under its row; the summary says what is set
 * ("gepland 20 december · vraagt: Kopie paspoort").
 */
export function StepDetailsEditor({
  step,
  index,
  dossier,
  assignments,
  errors,
  onChange,
}: {
  step: EditedStep;
  index: number;
  dossier: StaffDossier;
  /** The questionnaires sent in this dossier; null while loading; undefined when they cannot be listed (an id field then). */
  assignments: StaffAssignment[] | null | undefined;
  errors: StepErrors;
  onChange: (patch: Partial<EditedStep>) => void;
}) {
  const { t, lang } = useI18n();
  const base = `progress-step-${step.key}`;
  const summary = [
    step.explanation.trim() ? t('office.progress.summary.explanation') : '',
    step.plannedDate ? t('office.progress.summary.planned', { date: formatShortDate(step.plannedDate, lang) }) : '',
    step.requestKind === 'DOCUMENT' && step.requestName.trim() ? t('office.progress.summary.document', { name: step.requestName.trim() }) : '',
    step.requestKind === 'QUESTIONNAIRE' ? t('office.progress.summary.questionnaire') : '',
  ].filter(Boolean);
  const left = EXPLANATION_MAX - step.explanation.length;
  const invalid = errors.name !== undefined || errors.assignment !== undefined;

  return (
    <details className="step-details" open={step.detailsOpen || invalid} onToggle={(e) => onChange({ detailsOpen: e.currentTarget.open })}>
      <summary>
        <span>{t('office.progress.details')}</span>
        <span className="visually-hidden"> – {step.title || t('office.progress.title.label', { n: index + 1 })}</span>
        {summary.length > 0 && <span className="step-details-summary"> ({summary.join(' · ')})</span>}
      </summary>
      <div className="step-details-body">
        <div className="field">
          <label htmlFor={`${base}-explanation`}>{t('office.progress.explanation')}</label>
          <p id={`${base}-explanation-hint`} className="hint">
            {t('office.progress.explanation.hint', { max: EXPLANATION_MAX, left })}
          </p>
          <textarea
            id={`${base}-explanation`}
            rows={3}
            maxLength={EXPLANATION_MAX}
            value={step.explanation}
            aria-describedby={`${base}-explanation-hint`}
            onChange={(e) => onChange({ explanation: e.target.value })}
          />
        </div>
        <div className="field">
          <label htmlFor={`${base}-planned`}>{t('office.progress.planned')}</label>
          <input id={`${base}-planned`} type="date" value={step.plannedDate} onChange={(e) => onChange({ plannedDate: e.target.value })} />
        </div>
        <fieldset className="radio-group">
          <legend>{t('office.progress.request')}</legend>
          {REQUEST_KINDS.map((kind) => (
            <label key={kind} className="radio">
              <input
                type="radio"
                name={`${base}-request`}
                value={kind}
                checked={step.requestKind === kind}
                onChange={() => onChange({ requestKind: kind })}
              />
              {t(`office.progress.request.${kind}` as MessageKey)}
            </label>
          ))}
        </fieldset>
        {step.requestKind === 'DOCUMENT' && (
          <div className={errors.name ? 'field field-invalid' : 'field'}>
            <label htmlFor={`${base}-name`}>{t('office.progress.request.name')}</label>
            {errors.name && <FieldError id={`${base}-name-error`} text={errors.name} />}
            <input
              id={`${base}-name`}
              type="text"
              maxLength={REQUEST_NAME_MAX}
              value={step.requestName}
              aria-invalid={errors.name ? true : undefined}
              aria-describedby={errors.name ? `${base}-name-error` : undefined}
              onChange={(e) => onChange({ requestName: e.target.value })}
            />
          </div>
        )}
        {step.requestKind === 'QUESTIONNAIRE' && (
          <AssignmentField base={base} step={step} dossier={dossier} assignments={assignments} error={errors.assignment} onChange={onChange} />
        )}
        {step.requestKind !== 'NONE' && (
          <div className="field">
            <label htmlFor={`${base}-due`}>{t('office.progress.request.due')}</label>
            <input id={`${base}-due`} type="date" value={step.requestDueDate} onChange={(e) => onChange({ requestDueDate: e.target.value })} />
          </div>
        )}
        {sameRequest(step) && step.saved?.fulfilledAt && <Fulfilled request={step.saved} dossierId={dossier.id} />}
      </div>
    </details>
  );
}

/** The questionnaire a step asks for: one of those sent in the dossier, or (when they cannot be listed) its id. */
function AssignmentField({
  base,
  step,
  dossier,
  assignments,
  error,
  onChange,
}: {
  base: string;
  step: EditedStep;
  dossier: StaffDossier;
  assignments: StaffAssignment[] | null | undefined;
  error?: string;
  onChange: (patch: Partial<EditedStep>) => void;
}) {
  const { t } = useI18n();
  const id = `${base}-assignment`;
  const errorId = `${id}-error`;
  const common = {
    id,
    value: step.requestAssignmentId,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': error ? errorId : undefined,
  } as const;
  const recipient = (a: StaffAssignment) => dossier.partyDetails.find((p) => p.accountId === a.recipient.accountId)?.name ?? a.recipient.email;
  const listed = assignments ?? [];
  const unknownSaved = step.requestAssignmentId && !listed.some((a) => a.id === step.requestAssignmentId);

  return (
    <div className={error ? 'field field-invalid' : 'field'}>
      <label htmlFor={id}>{assignments === undefined ? t('office.progress.request.assignment.id') : t('office.progress.request.assignment')}</label>
      {error && <FieldError id={errorId} text={error} />}
      {assignments === undefined ? (
        <input {...common} type="text" maxLength={64} onChange={(e) => onChange({ requestAssignmentId: e.target.value })} />
      ) : (
        <>
          {assignments?.length === 0 && <p className="hint">{t('office.progress.request.assignment.none')}</p>}
          <select {...common} onChange={(e) => onChange({ requestAssignmentId: e.target.value })}>
            <option value="">{t('office.progress.request.assignment.choose')}</option>
            {listed.map((a) => (
              <option key={a.id} value={a.id}>
                {t('office.progress.request.assignment.option', { title: a.title, recipient: recipient(a) })}
              </option>
            ))}
            {unknownSaved && <option value={step.requestAssignmentId}>{step.requestAssignmentId}</option>}
          </select>
        </>
      )}
    </div>
  );
}

/** "Aangeleverd door Anna de Vries op 3 december 2026", with where to see it. */
function Fulfilled({ request, dossierId }: { request: StepRequest; dossierId: string }) {
  const { t, lang } = useI18n();
  const name = request.fulfilledBy ?? t('office.progress.request.fulfilled.someone');
  return (
    <p className="step-fulfilled">
      <span aria-hidden="true">✓ </span>
      {t(`office.progress.request.fulfilled.${request.kind}` as MessageKey, { name, date: formatDate(request.fulfilledAt, lang) })}
      {request.kind === 'DOCUMENT' && request.fulfilledMessageId && (
        <>
          {' '}
          <Link to={officePath.dossier(dossierId, 'berichten')}>{t('office.progress.request.message')}</Link>
        </>
      )}
      {request.kind === 'QUESTIONNAIRE' && (
        <>
          {' '}
          <Link to={officePath.dossier(dossierId, 'vragenlijsten')}>{t('office.progress.request.answers')}</Link>
        </>
      )}
    </p>
  );
}
