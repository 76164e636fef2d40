import { useId, useState, type FormEvent } from 'react';
import { useI18n } from '../../../i18n/I18nContext';
import { useApi } from '../../../lib/hooks';
import * as portalApi from '../../../lib/api/portalApi';
import type { StaffAssignment, StaffDossier } from '../../../lib/api/types';
import { DateTime } from '../../../components/DateTime';
import { FieldError } from '../../../components/FormField';
import { ErrorMessage, Loading } from '../../../components/Status';
import { AnswersView } from '../../questionnaires/components/AnswersView';
import { fieldErrorsOf } from '../fieldErrors';

/** "Vragenlijsten": send one to a party, follow each one's state, read the answers and their PDF once completed. */
export function QuestionnairesTab({ dossier }: { dossier: StaffDossier }) {
  const { t } = useI18n();
  const [round, setRound] = useState(0);
  const sent = useApi((signal) => portalApi.staffAssignments(dossier.id, signal), `${dossier.id}:${round}`);
  return (
    <div className="stack">
      <SendQuestionnaireForm dossier={dossier} onSent={() => setRound((n) => n + 1)} />
      <section className="card" aria-label={t('office.questionnaires.sent')}>
        <h2>{t('office.questionnaires.sent')}</h2>
        {sent.error !== undefined ? (
          <ErrorMessage error={sent.error} onRetry={sent.reload} />
        ) : !sent.data ? (
          <Loading />
        ) : sent.data.length === 0 ? (
          <p className="muted">{t('office.questionnaires.none')}</p>
        ) : (
          <ul className="office-assignments">
            {sent.data.map((a) => (
              <AssignmentItem key={a.id} assignment={a} dossier={dossier} />
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}

function AssignmentItem({ assignment: a, dossier }: { assignment: StaffAssignment; dossier: StaffDossier }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const who = dossier.partyDetails.find((p) => p.accountId === a.recipient.accountId)?.name ?? a.recipient.email;
  return (
    <li className="office-assignment">
      <div className="office-message-head">
        <strong>{a.title}</strong>
        <span className="muted">
          {t('office.questionnaires.to', { name: who })} · <DateTime value={a.assignedAt} />
          {a.dueDate && (
            <>
              {' '}
              · {t('office.work.due')} <DateTime value={a.dueDate} dateOnly />
            </>
          )}
        </span>
      </div>
      {a.status === 'COMPLETED' ? (
        <>
          <p>
            {t('office.questionnaires.completed')} <DateTime value={a.completedAt} />
          </p>
          <div className="form-actions">
            <button type="button" className="button button-primary button-small" aria-expanded={open} onClick={() => setOpen(!open)}>
              {open ? t('office.questionnaires.hideAnswers') : t('office.questionnaires.showAnswers')}
              <span className="visually-hidden"> {a.title}</span>
            </button>
            {a.pdfDocumentId && (
              <a className="button button-secondary button-small" href={portalApi.staffDocumentContentUrl(a.pdfDocumentId)} download>
                {t('office.questionnaires.pdf')}
                <span className="visually-hidden"> {a.title}</span>
              </a>
            )}
          </div>
          {open && <CompletedAnswersView assignment={a} />}
        </>
      ) : (
        <p>{t('office.questionnaires.open', { saved: a.pagesSaved, pages: a.pages })}</p>
      )}
    </li>
  );
}

/** The answers as the client gave them, shown with the client's own answers view. */
function CompletedAnswersView({ assignment }: { assignment: StaffAssignment }) {
  const answers = useApi((signal) => portalApi.completedAnswers(assignment.id, signal), assignment.id);
  const version = useApi((signal) => portalApi.definitionVersion(assignment.questionnaire, assignment.version, signal), `${assignment.questionnaire}:${assignment.version}`);
  const error = answers.error ?? version.error;
  if (error !== undefined) return <ErrorMessage error={error} />;
  if (!answers.data || !version.data) return <Loading />;
  return <AnswersView assignment={{ pages: version.data.definition.pages, answers: answers.data.answers }} />;
}

function SendQuestionnaireForm({ dossier, onSent }: { dossier: StaffDossier; onSent: () => void }) {
  const { t } = useI18n();
  const id = useId();
  const definitions = useApi(portalApi.questionnaireDefinitions);
  const [questionnaire, setQuestionnaire] = useState('');
  const [recipient, setRecipient] = useState('');
  const [dueDate, setDueDate] = useState('');
  const [errors, setErrors] = useState<{ questionnaire?: string; recipient?: string; dueDate?: string }>({});
  const [failure, setFailure] = useState<unknown>(undefined);
  const [sending, setSending] = useState(false);
  const [done, setDone] = useState('');

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setDone('');
    setFailure(undefined);
    const found = {
      questionnaire: questionnaire ? undefined : t('office.questionnaires.pick.missing'),
      recipient: recipient ? undefined : t('office.questionnaires.recipient.missing'),
    };
    setErrors(found);
    if (found.questionnaire || found.recipient) return;
    setSending(true);
    try {
      await portalApi.sendQuestionnaire(dossier.id, { questionnaire, recipient, dueDate: dueDate || undefined });
      setDone(t('office.questionnaires.sentDone'));
      setQuestionnaire('');
      setDueDate('');
      onSent();
    } catch (err) {
      const fields = fieldErrorsOf(err);
      if (fields.dueDate) setErrors({ dueDate: t('office.questionnaires.dueDate.invalid') });
      else if (fields.recipient) setErrors({ recipient: t('office.questionnaires.recipient.missing') });
      else setFailure(err);
    } finally {
      setSending(false);
    }
  };

  return (
    <section className="card" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{t('office.questionnaires.send')}</h2>
      {dossier.partyDetails.length === 0 ? (
        <p className="muted">{t('office.questionnaires.noParties')}</p>
      ) : (
        <form onSubmit={submit} noValidate>
          <div className={errors.questionnaire ? 'field field-invalid' : 'field'}>
            <label htmlFor={`${id}-q`}>{t('office.questionnaires.pick')}</label>
            {errors.questionnaire && <FieldError id={`${id}-q-error`} text={errors.questionnaire} />}
            <select id={`${id}-q`} value={questionnaire} aria-invalid={errors.questionnaire ? true : undefined} onChange={(e) => setQuestionnaire(e.target.value)}>
              <option value="">{t('office.questionnaires.pick.placeholder')}</option>
              {(definitions.data ?? []).map((d) => (
                <option key={d.key} value={d.key}>
                  {d.title} (v{d.version})
                </option>
              ))}
            </select>
          </div>
          <div className={errors.recipient ? 'field field-invalid' : 'field'}>
            <label htmlFor={`${id}-r`}>{t('office.questionnaires.recipient')}</label>
            {errors.recipient && <FieldError id={`${id}-r-error`} text={errors.recipient} />}
            <select id={`${id}-r`} value={recipient} aria-invalid={errors.recipient ? true : undefined} onChange={(e) => setRecipient(e.target.value)}>
              <option value="">{t('office.questionnaires.recipient.placeholder')}</option>
              {dossier.partyDetails.map((p) => (
                <option key={p.email} value={p.email}>
                  {p.name ? `${p.name} (${p.email})` : p.email}
                </option>
              ))}
            </select>
          </div>
          <div className={errors.dueDate ? 'field field-invalid' : 'field'}>
            <label htmlFor={`${id}-d`}>{t('office.questionnaires.dueDate')}</label>
            {errors.dueDate && <FieldError id={`${id}-d-error`} text={errors.dueDate} />}
            <input id={`${id}-d`} type="date" value={dueDate} onChange={(e) => setDueDate(e.target.value)} />
          </div>
          {definitions.error !== undefined && <ErrorMessage error={definitions.error} onRetry={definitions.reload} />}
          {failure !== undefined && <ErrorMessage error={failure} />}
          <div className="form-actions">
            <button type="submit" className="button button-primary" disabled={sending}>
              {t('office.questionnaires.submit')}
            </button>
            <span className="form-status" role="status">
              {done}
            </span>
          </div>
        </form>
      )}
    </section>
  );
}
