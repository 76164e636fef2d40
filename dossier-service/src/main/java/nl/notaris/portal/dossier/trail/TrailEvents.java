package nl.notaris.portal.dossier.trail;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

import org.springframework.stereotype.Component;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import nl.notaris.portal.dossier.dossier.Dossier;
import nl.notaris.portal.dossier.dossier.DossierService;
import nl.notaris.portal.dossier.dossier.Grant;
import nl.notaris.portal.dossier.events.ConsumedEvent;
import nl.notaris.portal.dossier.events.ConsumedEventHandler;
import nl.notaris.portal.dossier.parties.AccountNames;
import nl.notaris.portal.dossier.parties.Party;
import nl.notaris.portal.dossier.progress.ProgressStep;
import nl.notaris.portal.dossier.trail.TrailEntry.Fact;
import nl.notaris.portal.dossier.trail.TrailEntry.Kind;
import nl.notaris.portal.dossier.trail.TrailEntry.Side;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Appends to the trail what the events tell: the office's actions from {@code portal.staff-actions.v1}
 * (its staff member's name as the token gave it), and the clients' from the topics of documents,
 * messages and questionnaires (the account's name from {@link AccountNames}, which the account events
 * keep here too); and from {@code portal.access.v1} the grants given to advisers, revoked and used, the
 * grant as object and the adviser by the name the client gave (never the address). A record's id is the
 * event's, so a repeated event adds nothing ({@link Trail#append}); an event that lacks what it needs
 * fails (and with it the record: it is retried and then parked).
 */
@Component
class TrailEvents implements ConsumedEventHandler {

    private final Trail trail;
    private final AccountNames names;
    private final DossierService dossiers;
    private final JsonMapper json;

    TrailEvents(Trail trail, AccountNames names, DossierService dossiers, JsonMapper json) {
        this.trail = trail;
        this.names = names;
        this.dossiers = dossiers;
        this.json = json;
    }

    @Override
    public void handle(ConsumedEvent event) {
        switch (event.type()) {
            case "portal.staff.action-recorded" -> officeAction(event, data(event));
            case "portal.document.opened" -> {
                Data data = data(event);
                client(event, data, Kind.DOCUMENT_OPENED, data.accountId(), data.documentId(), data.openedAt());
            }
            case "portal.document.delivered" -> {
                Data data = data(event);
                if (data.messageId() == null && data.assignmentId() == null) {
                    client(event, data, Kind.DOCUMENT_DELIVERED, data.accountId(), data.documentId(),
                            data.deliveredAt());
                }
            }
            case "portal.message.sent-by-client" -> {
                Data data = data(event);
                client(event, data, Kind.MESSAGE_SENT, data.senderAccountId(), data.messageId(), data.sentAt());
                if (data.requestId() != null && data.attachments() != null && !data.attachments().isEmpty()) {
                    requestDelivered(event, data);
                }
            }
            case "portal.message.read" -> {
                Data data = data(event);
                if ("OFFICE".equals(data.readerSide())) {
                    trail.append(Fact.of(event.id(), required(event, "dossierId", data.dossierId()),
                            required(event, "readAt", data.readAt()), Kind.MESSAGE_READ, Side.OFFICE,
                            data.readerName(), data.messageId()));
                } else {
                    client(event, data, Kind.MESSAGE_READ, data.accountId(), data.messageId(), data.readAt());
                }
            }
            case "portal.questionnaire.completed" -> {
                Data data = data(event);
                client(event, data, Kind.QUESTIONNAIRE_COMPLETED, data.accountId(), data.assignmentId(),
                        data.completedAt());
            }
            case "portal.access.granted" -> {
                Data data = data(event);
                trail.append(Fact.of(event.id(), required(event, "dossierId", data.dossierId()),
                        required(event, "time", event.time()), Kind.GRANTED, Side.CLIENT, data.grantedByName(),
                        required(event, "grantId", data.grantId())).withName(data.name()));
            }
            case "portal.access.revoked" -> {
                Data data = data(event);
                String dossierId = required(event, "dossierId", data.dossierId());
                String grantId = required(event, "grantId", data.grantId());
                trail.append(Fact.of(event.id(), dossierId, required(event, "at", data.at()), Kind.REVOKED,
                        Side.valueOf(required(event, "bySide", data.bySide())), data.byName(), grantId)
                        .withName(adviserOf(dossierId, grantId)));
            }
            case "portal.access.used" -> {
                Data data = data(event);
                String dossierId = required(event, "dossierId", data.dossierId());
                String grantId = required(event, "grantId", data.grantId());
                String adviser = adviserOf(dossierId, grantId);
                trail.append(Fact.of(event.id(), dossierId, required(event, "at", data.at()), Kind.USED, Side.CLIENT,
                        adviser, grantId).withName(adviser));
            }
            case "portal.account.invited" -> {
                Account account = json.treeToValue(required(event, "account", data(event).account()), Account.class);
                names.remember(required(event, "account.accountId", account.accountId()), account.name(),
                        account.version());
            }
            case "portal.account.activated", "portal.account.changed" -> {
                Data data = data(event);
                names.remember(required(event, "accountId", data.accountId()), data.name(),
                        data.version() == null ? 0 : data.version());
            }
            default -> {
                // not part of the trail
            }
        }
    }

    private void officeAction(ConsumedEvent event, Data data) {
        if (data.dossierId() == null) {
            return; // outside a dossier: not in any dossier's trail
        }
        Kind kind = switch (required(event, "action", data.action())) {
            case "DOSSIER_CREATED" -> Kind.DOSSIER_CREATED;
            case "DOSSIER_CHANGED" -> data.changes() != null && data.changes().contains("STATUS") ? Kind.STATUS_CHANGED
                    : Kind.DETAILS_CHANGED;
            case "PARTIES_CHANGED" -> Kind.PARTIES_CHANGED;
            case "PROGRESS_CHANGED" -> Kind.PROGRESS_CHANGED;
            case "DOCUMENT_PUBLISHED" -> Kind.DOCUMENT_PUBLISHED;
            case "MESSAGE_SENT" -> Kind.MESSAGE_SENT;
            case "QUESTIONNAIRE_SENT" -> Kind.QUESTIONNAIRE_SENT;
            default -> null; // the office's own work (its queue): not the client's business
        };
        if (kind == null) {
            return;
        }
        // the dossier itself is the object of its own changes: no object to name
        Fact fact = Fact.of(event.id(), data.dossierId(), required(event, "occurredAt", data.occurredAt()), kind,
                Side.OFFICE, data.actorName(), "DOSSIER".equals(data.objectType()) ? null : data.objectId());
        if (kind == Kind.STATUS_CHANGED || kind == Kind.DOSSIER_CREATED) {
            fact = fact.withStatus(data.status());
        }
        if (data.partiesAdded() != null || data.partiesRemoved() != null) {
            Supplier<List<Party>> parties = partiesOf(data.dossierId());
            fact = fact.withParties(namesOf(data.partiesAdded(), parties), namesOf(data.partiesRemoved(), parties));
        }
        trail.append(fact);
    }

    private void requestDelivered(ConsumedEvent event, Data data) {
        dossiers.find(data.dossierId()).flatMap(dossier -> dossier.getProgress().steps().stream()
                .filter(ProgressStep.documentRequest(data.requestId())).findFirst()
                .map(step -> Fact.of(event.id() + "#request", dossier.getId(), data.sentAt(), Kind.REQUEST_FULFILLED,
                        Side.CLIENT, nameOf(data.senderAccountId(), dossier::getParties), step.id())
                        .withName(step.request().name())))
                .ifPresent(trail::append);
    }

    /** The name the client gave the adviser of the grant; null when the grant is not (or no longer) known. */
    private String adviserOf(String dossierId, String grantId) {
        return dossiers.find(dossierId).flatMap(dossier -> dossier.findGrant(grantId)).map(Grant::name).orElse(null);
    }

    private void client(ConsumedEvent event, Data data, Kind kind, String accountId, String objectId, Instant at) {
        String dossierId = required(event, "dossierId", data.dossierId());
        trail.append(Fact.of(event.id(), dossierId, required(event, "time", at), kind, Side.CLIENT,
                nameOf(required(event, "accountId", accountId), partiesOf(dossierId)), objectId));
    }

    /** The dossier's parties, read once and only when a name is not known from the account events. */
    private Supplier<List<Party>> partiesOf(String dossierId) {
        List<List<Party>> read = new ArrayList<>(1);
        return () -> {
            if (read.isEmpty()) {
                read.add(dossiers.find(dossierId).map(Dossier::getParties).orElse(List.of()));
            }
            return read.get(0);
        };
    }

    private String nameOf(String accountId, Supplier<List<Party>> parties) {
        return names.nameOf(accountId, parties).orElse(null);
    }

    private List<String> namesOf(List<String> accountIds, Supplier<List<Party>> parties) {
        return accountIds == null ? null
                : accountIds.stream().map(id -> nameOf(id, parties)).filter(Objects::nonNull).toList();
    }

    private Data data(ConsumedEvent event) {
        return event.data(json, Data.class);
    }

    private static <T> T required(ConsumedEvent event, String field, T value) {
        return event.required(field, value);
    }

    /** The fields the trail reads; each event type has some of them. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Data(String dossierId, String action, String actorName, String objectType, String objectId,
            Instant occurredAt,
            List<String> changes, String status, List<String> partiesAdded, List<String> partiesRemoved,
            String documentId, String accountId, Instant openedAt, String messageId, String assignmentId,
            Instant deliveredAt, String senderAccountId, Instant sentAt, String requestId, List<JsonNode> attachments,
            String readerSide, String readerName, Instant readAt, Instant completedAt, JsonNode account, String name,
            Long version, String grantId, String grantedByName, String byName, String bySide, Instant at) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Account(String accountId, String name, long version) {
    }
}
