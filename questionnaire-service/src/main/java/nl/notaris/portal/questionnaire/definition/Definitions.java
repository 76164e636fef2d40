package nl.notaris.portal.questionnaire.definition;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import nl.notaris.portal.support.audit.StaffAction;
import nl.notaris.portal.support.audit.StaffActions;
import nl.notaris.portal.support.security.Caller;
import nl.notaris.portal.support.web.ConflictException;
import nl.notaris.portal.support.web.NotFoundException;

/** The office's questionnaires: each upload of a key is a new version (STF-5). */
@Component
public class Definitions {

    private final MongoTemplate mongo;
    private final StaffActions staffActions;
    private final Clock clock;

    Definitions(MongoTemplate mongo, StaffActions staffActions, Clock clock) {
        this.mongo = mongo;
        this.staffActions = staffActions;
        this.clock = clock;
    }

    /**
     * Checks the definition (400 naming the place) and stores it as the next version of its key, with
     * the record of the staff member's upload in the same insert.
     */
    public StoredDefinition publish(Caller staff, Definition definition) {
        DefinitionValidator.check(definition);
        int version = latest(definition.key()).map(d -> d.version() + 1).orElse(1);
        String id = StoredDefinition.idOf(definition.key(), version);
        try {
            return mongo.insert(new StoredDefinition(id, definition.key(), version, definition, clock.instant(),
                    List.of(staffActions.recorded(staff, StaffAction.questionnaireDefinitionUploaded(id)))));
        } catch (DuplicateKeyException e) {
            throw new ConflictException("Another version of '" + definition.key() + "' was stored at the same moment; try again.");
        }
    }

    public Optional<StoredDefinition> latest(String key) {
        return Optional.ofNullable(mongo.findOne(query(where("key").is(key)).with(Sort.by(Sort.Direction.DESC, "version")),
                StoredDefinition.class));
    }

    public Optional<StoredDefinition> find(String key, int version) {
        return Optional.ofNullable(mongo.findById(StoredDefinition.idOf(key, version), StoredDefinition.class));
    }

    public StoredDefinition version(String key, int version) {
        return find(key, version)
                .orElseThrow(() -> new NotFoundException("Questionnaire " + key + " version " + version + " was not found."));
    }

    /** The newest version of every questionnaire. */
    public List<StoredDefinition> latestOfEach() {
        return mongo.findDistinct(new Query(), "key", StoredDefinition.class, String.class).stream()
                .map(this::latest).flatMap(Optional::stream).toList();
    }
}
