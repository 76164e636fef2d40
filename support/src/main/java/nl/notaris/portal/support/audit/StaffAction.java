package nl.notaris.portal.support.audit;

import java.util.List;
import java.util.Objects;

/**
 * What a staff member did, as {@code portal.staff.action-recorded} tells it
 * (contracts/events/portal.staff.action-recorded.schema.json): the kind of action, the object and
 * its dossier, and for some kinds which fields or parties changed. Ids and names of fields only:
 * never a message's text, a document's title or content, answers or a client's personal data.
 * {@link StaffActions#recorded} adds who and when.
 *
 * @param dossierId null for an action outside a dossier
 * @param changes {@link Kind#DOSSIER_CHANGED} only: {@code DESCRIPTION} and/or {@code STATUS}
 * @param status the dossier's status after a creation, or after a change that holds {@code STATUS}
 * @param partiesAdded account ids that became parties (a change of parties, or a creation)
 * @param partiesRemoved account ids that are no longer parties (a change of parties)
 */
public record StaffAction(Kind kind, ObjectType objectType, String objectId, String dossierId, List<String> changes,
        String status, List<String> partiesAdded, List<String> partiesRemoved) {

    /** The contract's {@code action} enum. */
    public enum Kind {
        DOSSIER_CREATED, DOSSIER_CHANGED, PARTIES_CHANGED, PROGRESS_CHANGED, DOCUMENT_PUBLISHED, MESSAGE_SENT,
        QUESTIONNAIRE_SENT, QUESTIONNAIRE_DEFINITION_UPLOADED, CLIENT_INVITED, INVITATION_RESENT, WORK_ITEM_HANDLED
    }

    /** The contract's {@code objectType} enum; {@code path} names the object in the event's {@code subject}. */
    public enum ObjectType {
        DOSSIER("dossiers"), DOCUMENT("documents"), MESSAGE("messages"), QUESTIONNAIRE_ASSIGNMENT("assignments"),
        QUESTIONNAIRE_DEFINITION("questionnaires"), ACCOUNT("accounts"), WORK_ITEM("work-items");

        private final String path;

        ObjectType(String path) {
            this.path = path;
        }

        String subjectOf(String objectId) {
            return path + "/" + objectId;
        }
    }

    public StaffAction {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(objectType, "objectType");
        Objects.requireNonNull(objectId, "objectId");
        changes = changes == null ? null : List.copyOf(changes);
        partiesAdded = partiesAdded == null ? null : List.copyOf(partiesAdded);
        partiesRemoved = partiesRemoved == null ? null : List.copyOf(partiesRemoved);
    }

    /** A new dossier, with its first status and parties (account ids). */
    public static StaffAction dossierCreated(String dossierId, String status, List<String> partyAccountIds) {
        return new StaffAction(Kind.DOSSIER_CREATED, ObjectType.DOSSIER, dossierId, dossierId, null, status,
                partyAccountIds == null || partyAccountIds.isEmpty() ? null : partyAccountIds, null);
    }

    /**
     * Description and/or status changed ({@code changes}: {@code DESCRIPTION}, {@code STATUS});
     * {@code status} is the new one, given when {@code changes} holds {@code STATUS}.
     */
    public static StaffAction dossierChanged(String dossierId, List<String> changes, String status) {
        if (changes == null || changes.isEmpty()) {
            throw new IllegalArgumentException("a dossier change names what changed");
        }
        return new StaffAction(Kind.DOSSIER_CHANGED, ObjectType.DOSSIER, dossierId, dossierId, changes,
                changes.contains("STATUS") ? status : null, null, null);
    }

    public static StaffAction partiesChanged(String dossierId, List<String> addedAccountIds,
            List<String> removedAccountIds) {
        return new StaffAction(Kind.PARTIES_CHANGED, ObjectType.DOSSIER, dossierId, dossierId, null, null,
                addedAccountIds, removedAccountIds);
    }

    public static StaffAction progressChanged(String dossierId) {
        return inDossier(Kind.PROGRESS_CHANGED, ObjectType.DOSSIER, dossierId, dossierId);
    }

    public static StaffAction documentPublished(String dossierId, String documentId) {
        return inDossier(Kind.DOCUMENT_PUBLISHED, ObjectType.DOCUMENT, documentId, dossierId);
    }

    public static StaffAction messageSent(String dossierId, String messageId) {
        return inDossier(Kind.MESSAGE_SENT, ObjectType.MESSAGE, messageId, dossierId);
    }

    public static StaffAction questionnaireSent(String dossierId, String assignmentId) {
        return inDossier(Kind.QUESTIONNAIRE_SENT, ObjectType.QUESTIONNAIRE_ASSIGNMENT, assignmentId, dossierId);
    }

    /** A questionnaire definition stored; {@code definitionId} names key and version ({@code <key>:<version>}). */
    public static StaffAction questionnaireDefinitionUploaded(String definitionId) {
        return inDossier(Kind.QUESTIONNAIRE_DEFINITION_UPLOADED, ObjectType.QUESTIONNAIRE_DEFINITION, definitionId, null);
    }

    public static StaffAction clientInvited(String accountId) {
        return inDossier(Kind.CLIENT_INVITED, ObjectType.ACCOUNT, accountId, null);
    }

    public static StaffAction invitationResent(String accountId) {
        return inDossier(Kind.INVITATION_RESENT, ObjectType.ACCOUNT, accountId, null);
    }

    /** A work queue item handled; {@code dossierId} is null for an item outside a dossier (an invitation). */
    public static StaffAction workItemHandled(String dossierId, String workItemId) {
        return inDossier(Kind.WORK_ITEM_HANDLED, ObjectType.WORK_ITEM, workItemId, dossierId);
    }

    private static StaffAction inDossier(Kind kind, ObjectType objectType, String objectId, String dossierId) {
        return new StaffAction(kind, objectType, objectId, dossierId, null, null, null, null);
    }

    /** The Kafka key: the dossier when there is one, so a dossier's records stay in order; else the object. */
    String key() {
        return dossierId != null ? dossierId : objectId;
    }
}
