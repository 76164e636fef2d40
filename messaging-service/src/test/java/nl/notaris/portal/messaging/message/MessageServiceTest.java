package nl.notaris.portal.messaging.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.willThrow;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.mockito.InOrder;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.UpdateDefinition;
import org.springframework.http.HttpStatus;
import org.springframework.mock.web.MockMultipartFile;

import com.jayway.jsonpath.JsonPath;

import nl.notaris.portal.messaging.attachment.AttachmentLimits;
import nl.notaris.portal.support.access.AccessGrant;
import nl.notaris.portal.support.access.DossierAccess;
import nl.notaris.portal.support.access.DossierAccessReplica;
import nl.notaris.portal.support.access.DossierParty;
import nl.notaris.portal.support.audit.StaffActions;
import nl.notaris.portal.support.events.CloudEventFactory;
import nl.notaris.portal.support.events.PendingEvent;
import nl.notaris.portal.support.security.Caller;
import nl.notaris.portal.support.uploads.DocumentServiceUploads;
import nl.notaris.portal.support.uploads.DocumentServiceUploads.Upload;
import nl.notaris.portal.support.web.InvalidRequestException;
import nl.notaris.portal.support.web.ProblemException;
import nl.notaris.portal.testsupport.EventContracts;
import tools.jackson.databind.json.JsonMapper;

/**
 * A message tells document-service which uploads it names before it is saved: from then on the
 * sender cannot remove them, so the message never carries an attachment that is gone.
 */
class MessageServiceTest {

    final MongoTemplate mongo = mock(MongoTemplate.class);
    final DocumentServiceUploads uploads = mock(DocumentServiceUploads.class);
    final Clock clock = Clock.fixed(Instant.parse("2025-03-01T10:00:00Z"), ZoneOffset.UTC);
    final CloudEventFactory cloudEvents = new CloudEventFactory(JsonMapper.builder().build(),
            "/notary-portal/messaging-service", clock);
    final DossierAccessReplica access = mock(DossierAccessReplica.class);
    final MessageService messages = new MessageService(mongo, access, uploads,
            new AttachmentLimits(null), new MessageEvents(cloudEvents), new StaffActions(cloudEvents, clock), clock,
            "Notariskantoor");
    final Caller anna = new Caller("a1-anna", "anna@example.com", "Anna de Vries", null, List.of("client"));
    final Caller staff = new Caller("s1-office", null, "Kantoor", null, List.of("staff"));
    /** Anna's adviser (ADV-1): no party, in through a grant that allows delivering. */
    final Caller adviser = new Caller("a9-adviseur", "adviseur@example.com", "Ada Adviseur", null, List.of("client"));
    final DossierAccess annasDossier = DossierAccess.of("d1", "2025-0001",
            List.of(new DossierParty("a1-anna", "anna@example.com", "PERSON", null)),
            List.of(new AccessGrant("g-1", "a9-adviseur", AccessGrant.Scope.READ_DELIVER, clock.instant().plusSeconds(60))),
            1);

    MessageServiceTest() {
        given(mongo.insert(any(Message.class))).willAnswer(call -> call.getArgument(0));
        given(access.requireDelivering(eq("d1"), any())).willReturn(annasDossier);
        for (String id : List.of("up-1", "up-2")) {
            given(uploads.find(id)).willReturn(Optional.of(
                    new Upload(id, "d1", id + ".pdf", 1234, "application/pdf", "COMPLETE")));
        }
        given(uploads.markSent(anyString(), anyString())).willReturn(true);
    }

    @Test
    void aClientsMessageMarksItsUploadsSentBeforeItIsSaved() {
        Message message = messages.sendByClient(anna, "d1", "Paspoort", "Hierbij.", null, List.of("up-1", "up-2"));

        InOrder order = inOrder(uploads, mongo);
        order.verify(uploads).markSent("up-1", message.getId());
        order.verify(uploads).markSent("up-2", message.getId());
        order.verify(mongo).insert(any(Message.class));
    }

    @Test
    void aMessageWhoseUploadCannotBeMarkedIsNotSent() {
        willThrow(new ProblemException(HttpStatus.CONFLICT, "uploads", "gone")).given(uploads)
                .markSent(eq("up-2"), anyString());

        assertThatThrownBy(() -> messages.sendByClient(anna, "d1", "Paspoort", "Hierbij.", null,
                List.of("up-1", "up-2"))).isInstanceOf(ProblemException.class);
        verify(mongo, never()).insert(any(Message.class));
    }

    @Test
    void anUploadThatIsGoneMeanwhileIsNotFoundAndTheMessageIsNotSent() {
        given(uploads.markSent(eq("up-2"), anyString())).willReturn(false);

        assertThatThrownBy(() -> messages.sendByClient(anna, "d1", "Paspoort", "Hierbij.", null,
                List.of("up-1", "up-2"))).isInstanceOfSatisfying(ProblemException.class, problem -> {
                    assertThat(problem.status()).isEqualTo(HttpStatus.BAD_REQUEST);
                    assertThat(problem.field()).isEqualTo("uploads");
                    assertThat(problem.code()).isEqualTo("message.upload-not-found");
                    assertThat(problem.params()).containsEntry("upload", "up-2");
                });
        verify(mongo, never()).insert(any(Message.class));
    }

    @Test
    void theOfficesFilesAreMarkedSentWithTheirMessageToo() {
        given(uploads.store(eq("d1"), eq("akte.pdf"), any(), any())).willReturn(
                new Upload("office-1", "d1", "akte.pdf", 10, "application/pdf", "COMPLETE"));

        Message message = messages.sendByOffice(staff, "d1", "Akte", "Zie bijlage.", null,
                List.of(new MockMultipartFile("files", "akte.pdf", "application/pdf", "%PDF-1.4".getBytes())));

        assertThat(message.getAttachments()).hasSize(1);
        InOrder order = inOrder(uploads, mongo);
        order.verify(uploads).markSent("office-1", message.getId());
        order.verify(mongo).insert(any(Message.class));
    }

    @Test
    void theOfficesMessageIsSavedWithTheRecordOfTheStaffActionAndAClientsWithout() {
        Message office = messages.sendByOffice(staff, "d1", "Akte", "Zie bijlage.", null, List.of());
        Message client = messages.sendByClient(anna, "d1", "Paspoort", "Hierbij.", null, List.of());

        List<PendingEvent> officeRecords = staffActionRecords(office);
        assertThat(officeRecords).hasSize(1);
        String record = officeRecords.get(0).payload();
        assertThat(EventContracts.violations(record)).isEmpty();
        assertThat(officeRecords.get(0).key()).isEqualTo("d1");
        assertThat((String) JsonPath.read(record, "$.data.action")).isEqualTo("MESSAGE_SENT");
        assertThat((String) JsonPath.read(record, "$.data.actorId")).isEqualTo("s1-office");
        assertThat((String) JsonPath.read(record, "$.data.objectId")).isEqualTo(office.getId());
        assertThat(record).doesNotContain("Zie bijlage").doesNotContain("Akte");
        assertThat(office.getPendingEvents()).extracting(PendingEvent::type)
                .containsExactly("portal.message.sent-by-office", "portal.staff.action-recorded");
        assertThat(staffActionRecords(client)).isEmpty();
        assertThat(client.getPendingEvents()).extracting(PendingEvent::type)
                .containsExactly("portal.message.sent-by-client");
    }

    @Test
    void eachSentEventSaysWhoWroteItAndKeepsToItsContract() {
        Message office = messages.sendByOffice(staff, "d1", "Akte", "Zie bijlage.", null, List.of());
        Message client = messages.sendByClient(anna, "d1", "Paspoort", "Hierbij.", null, List.of("up-1"));
        Message advisers = messages.sendByClient(adviser, "d1", "Jaarcijfers", "Bijgaand.", null, List.of("up-2"));

        assertThat(List.of(office, client, advisers)).extracting(Message::getSenderRole)
                .containsExactly(SenderRole.OFFICE, SenderRole.CLIENT, SenderRole.ADVISER);
        assertThat(advisers.getDirection()).isEqualTo(Direction.OUTGOING);
        assertThat(advisers.getSenderName()).isEqualTo("Ada Adviseur");
        String officeSent = office.getPendingEvents().get(0).payload();
        String clientSent = client.getPendingEvents().get(0).payload();
        String adviserSent = advisers.getPendingEvents().get(0).payload();
        assertThat(List.of(officeSent, clientSent, adviserSent))
                .allSatisfy(sent -> assertThat(EventContracts.violations(sent)).isEmpty());
        assertThat(officeSent).doesNotContain("senderRole");
        assertThat((String) JsonPath.read(clientSent, "$.data.senderRole")).isEqualTo("CLIENT");
        assertThat((String) JsonPath.read(adviserSent, "$.data.senderRole")).isEqualTo("ADVISER");
        assertThat((String) JsonPath.read(adviserSent, "$.data.senderAccountId")).isEqualTo("a9-adviseur");
    }

    @Test
    void anAdviserDoesNotAnswerTheClientsRequestsNorReplyToMessagesNotItsOwn() {
        assertThatThrownBy(() -> messages.sendByClient(adviser, "d1", "Paspoort", "Hierbij.", null, "step-1",
                List.of("up-1"))).isInstanceOfSatisfying(InvalidRequestException.class,
                        e -> assertThat(e.field()).isEqualTo("requestId"));

        ArgumentCaptor<Query> repliedTo = ArgumentCaptor.forClass(Query.class);
        assertThatThrownBy(() -> messages.sendByClient(adviser, "d1", "Re: Akte", "Akkoord.", "m-office", null,
                List.of())).isInstanceOfSatisfying(ProblemException.class,
                        e -> assertThat(e.code()).isEqualTo("message.reply-to-unknown"));
        verify(mongo).exists(repliedTo.capture(), eq(Message.class));
        assertThat(repliedTo.getValue().getQueryObject()).containsEntry("senderAccountId", "a9-adviseur");
        verify(mongo, never()).insert(any(Message.class));
    }

    /** The office's receipt and its read event are one conditional update of the message (its outbox). */
    @Test
    void theOfficesReceiptAndItsReadEventAreOneWrite() {
        Message client = messages.sendByClient(anna, "d1", "Paspoort", "Hierbij.", null, "step-1", List.of("up-1"));
        given(mongo.findById(client.getId(), Message.class)).willReturn(client);
        given(access.find("d1")).willReturn(Optional.of(DossierAccess.of("d1", "2025-0001", List.of(), 1)));
        Caller notaris = new Caller("s2-notaris", null, "Mr. N. Notaris", null, List.of("staff"));

        messages.markReadByOffice(notaris, client.getId());

        ArgumentCaptor<Query> condition = ArgumentCaptor.forClass(Query.class);
        ArgumentCaptor<UpdateDefinition> update = ArgumentCaptor.forClass(UpdateDefinition.class);
        verify(mongo).updateFirst(condition.capture(), update.capture(), eq(Message.class));
        assertThat(condition.getValue().getQueryObject()).containsEntry("readByOfficeAt", null);
        org.bson.Document write = update.getValue().getUpdateObject();
        assertThat(write.get("$set", org.bson.Document.class)).containsEntry("readByOfficeAt", clock.instant());
        PendingEvent event = (PendingEvent) write.get("$push", org.bson.Document.class).get("pendingEvents");
        assertThat(EventContracts.violations(event.payload())).isEmpty();
        assertThat(event.key()).isEqualTo("d1");
        assertThat((String) JsonPath.read(event.payload(), "$.data.readerSide")).isEqualTo("OFFICE");
        assertThat((String) JsonPath.read(event.payload(), "$.data.readerName")).isEqualTo("Mr. N. Notaris");
        assertThat((String) JsonPath.read(event.payload(), "$.data.accountId")).isEqualTo("s2-notaris");
        assertThat(client.getPendingEvents()).extracting(PendingEvent::payload)
                .anySatisfy(sent -> assertThat((String) JsonPath.read(sent, "$.data.requestId")).isEqualTo("step-1"));
    }

    static List<PendingEvent> staffActionRecords(Message message) {
        return message.getPendingEvents().stream().filter(e -> e.topic().equals(StaffActions.TOPIC)).toList();
    }
}
