package nl.notaris.portal.questionnaire.assignment;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Service;

import nl.notaris.portal.questionnaire.answers.AnswerCheck;
import nl.notaris.portal.questionnaire.definition.Definitions;
import nl.notaris.portal.questionnaire.definition.StoredDefinition;
import nl.notaris.portal.questionnaire.pdf.AnswersPdf;
import nl.notaris.portal.questionnaire.pdf.PdfFileName;
import nl.notaris.portal.support.access.DossierAccess;
import nl.notaris.portal.support.access.DossierAccessReplica;
import nl.notaris.portal.support.audit.StaffAction;
import nl.notaris.portal.support.audit.StaffActions;
import nl.notaris.portal.support.access.DossierParty;
import nl.notaris.portal.support.security.Caller;
import nl.notaris.portal.support.uploads.DocumentServiceUploads;
import nl.notaris.portal.support.web.ConflictException;
import nl.notaris.portal.support.web.InvalidRequestException;
import nl.notaris.portal.support.web.NotFoundException;
import nl.notaris.portal.support.web.ProblemException;
import nl.notaris.portal.support.web.ServiceUnavailableException;

/**
 * Questionnaires sent to clients (ACT-1..5, STF-5): the office sends one for a dossier, the
 * recipient saves it page by page and completes it, and the completed answers become a PDF in the
 * dossier. Only the recipient sees an assignment, and only while the dossier is still theirs.
 */
@Service
public class AssignmentService {

    private static final Logger log = LoggerFactory.getLogger(AssignmentService.class);
    private static final Sort DUE_FIRST = Sort.by(Sort.Order.asc("dueDate"), Sort.Order.asc("assignedAt"));

    private final MongoTemplate mongo;
    private final Definitions definitions;
    private final DossierAccessReplica access;
    private final AssignmentEvents events;
    private final StaffActions staffActions;
    private final AnswersPdf pdf;
    private final DocumentServiceUploads uploads;
    private final Clock clock;

    AssignmentService(MongoTemplate mongo, Definitions definitions, DossierAccessReplica access,
            AssignmentEvents events, StaffActions staffActions, AnswersPdf pdf, DocumentServiceUploads uploads,
            Clock clock) {
        this.mongo = mongo;
        this.definitions = definitions;
        this.access = access;
        this.events = events;
        this.staffActions = staffActions;
        this.pdf = pdf;
        this.uploads = uploads;
        this.clock = clock;
    }

    /** The office sends a questionnaire (its newest version, or the one asked for) to a party of the dossier. */
    public Assignment send(Caller staff, String dossierId, String questionnaireKey, Integer version, String recipient,
            LocalDate dueDate) {
        DossierAccess dossier = access.require(dossierId, staff);
        if (questionnaireKey == null || questionnaireKey.isBlank()) {
            throw new InvalidRequestException("questionnaire", "questionnaire (the key of a questionnaire) is required.");
        }
        StoredDefinition definition = version == null
                ? definitions.latest(questionnaireKey).orElseThrow(() -> unknownQuestionnaire(questionnaireKey))
                : definitions.find(questionnaireKey, version).orElseThrow(() -> unknownQuestionnaire(questionnaireKey));
        DossierParty party = dossier.parties().stream()
                .filter(p -> recipient != null && p.email() != null && p.email().equalsIgnoreCase(recipient.strip()))
                .findFirst()
                .orElseThrow(() -> new InvalidRequestException("recipient",
                        "recipient must be the e-mail address of a party of this dossier."));
        if (dueDate != null && dueDate.isBefore(today())) {
            throw new InvalidRequestException("dueDate", "dueDate must not lie in the past.");
        }
        Assignment assignment = Assignment.send(dossierId, party.accountId(), party.email(), definition.key(),
                definition.version(), definition.definition().title(), dueDate, clock.instant());
        assignment.record(events.assigned(assignment));
        assignment.record(staffActions.recorded(staff, StaffAction.questionnaireSent(dossierId, assignment.getId())));
        return mongo.insert(assignment);
    }

    /** The caller's open questionnaires ("Acties"), soonest due first. */
    public List<Assignment> open(Caller caller) {
        return mongo.find(query(where("accountId").is(caller.accountId()).and("status").is(AssignmentStatus.OPEN))
                .with(DUE_FIRST), Assignment.class).stream()
                .filter(a -> access.find(a.getDossierId()).filter(d -> d.isVisibleTo(caller)).isPresent())
                .toList();
    }

    /** An assignment of the caller; 404 for anyone else, exactly as if it did not exist. */
    public Assignment mine(Caller caller, String assignmentId) {
        Assignment assignment = mongo.findById(assignmentId, Assignment.class);
        if (assignment == null || !assignment.getAccountId().equals(caller.accountId())) {
            throw notFound(assignmentId);
        }
        access.require(assignment.getDossierId(), caller);
        return assignment;
    }

    /** "Volgende": checks and keeps one page's answers, and moves on to the next page. */
    public Assignment savePage(Caller caller, String assignmentId, String pageId, Map<String, Object> answers) {
        Assignment assignment = mine(caller, assignmentId);
        if (!assignment.isOpen()) {
            throw new ConflictException("This questionnaire was completed; its answers can no longer change.");
        }
        AnswerCheck check = checkOf(assignment);
        Map<String, Object> checked = check.page(pageId, answers, assignment.getAnswers());
        assignment.savePage(pageId, checked, check.pageAfter(pageId));
        return mongo.save(assignment);
    }

    /**
     * Completes the questionnaire: checks every page, files the PDF, and records the completion.
     * Completing again answers the completed questionnaire; a concurrent completion wins once.
     */
    public Assignment complete(Caller caller, String assignmentId) {
        Assignment assignment = mine(caller, assignmentId);
        if (!assignment.isOpen()) {
            return assignment;
        }
        StoredDefinition definition = definitions.version(assignment.getQuestionnaireKey(), assignment.getVersion());
        Map<String, Map<String, Object>> checked = checkOf(assignment).all(assignment.getAnswers());
        String dossierNumber = access.require(assignment.getDossierId(), caller).number();
        Instant now = clock.instant();
        byte[] document = pdf.render(definition.definition(), checked,
                new AnswersPdf.Subject(dossierNumber, caller.name(), now));
        String pdfId = filePdf(assignment.getDossierId(), PdfFileName.of(assignment.getTitle()), document);
        assignment.complete(checked, now, pdfId);
        assignment.record(events.completed(assignment));
        try {
            return mongo.save(assignment);
        } catch (OptimisticLockingFailureException concurrentChange) {
            Assignment current = mine(caller, assignmentId);
            if (current.isOpen()) {
                throw concurrentChange;
            }
            // completed at the same moment from another tab: that completion stands, this PDF is never filed
            return current;
        }
    }

    /**
     * Hands the PDF to document-service, which owns files, as an upload of the client who completed the
     * questionnaire (with the client's own token, so it may only land in a dossier of theirs); the upload's
     * id becomes the document's, and the completed-event has it filed under "Door mij aangeleverd". The
     * PDF is ours, so a refusal is not the client's fault either: like no answer, a 503 to try again.
     */
    private String filePdf(String dossierId, String fileName, byte[] document) {
        try {
            return uploads.store(dossierId, fileName, MediaType.APPLICATION_PDF, new ByteArrayResource(document)).id();
        } catch (ProblemException refused) {
            log.warn("document-service refused a questionnaire PDF: {} {}", refused.status().value(), refused.code());
            throw answersNotFiled();
        } catch (ServiceUnavailableException noAnswer) {
            throw answersNotFiled();
        }
    }

    private static ServiceUnavailableException answersNotFiled() {
        return new ServiceUnavailableException("Your answers could not be filed just now. Please try again in a moment.");
    }

    /** The office's view of a dossier's questionnaires, newest first. */
    public List<Assignment> ofDossier(Caller staff, String dossierId) {
        access.require(dossierId, staff);
        return mongo.find(query(where("dossierId").is(dossierId)).with(Sort.by(Sort.Direction.DESC, "assignedAt")),
                Assignment.class);
    }

    public Assignment forStaff(Caller staff, String assignmentId) {
        Assignment assignment = mongo.findById(assignmentId, Assignment.class);
        if (assignment == null) {
            throw notFound(assignmentId);
        }
        access.require(assignment.getDossierId(), staff);
        return assignment;
    }

    public StoredDefinition definitionOf(Assignment assignment) {
        return definitions.version(assignment.getQuestionnaireKey(), assignment.getVersion());
    }

    public AnswerCheck checkOf(Assignment assignment) {
        return new AnswerCheck(definitionOf(assignment).definition(), today());
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(AnswersPdf.OFFICE_ZONE));
    }

    private static InvalidRequestException unknownQuestionnaire(String key) {
        return new InvalidRequestException("questionnaire", "There is no questionnaire '" + key + "' (in that version).");
    }

    private static NotFoundException notFound(String assignmentId) {
        return new NotFoundException("Questionnaire " + assignmentId + " was not found.");
    }
}
