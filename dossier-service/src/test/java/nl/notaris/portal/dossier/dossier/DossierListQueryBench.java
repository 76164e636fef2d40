package nl.notaris.portal.dossier.dossier;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Supplier;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.mongodb.core.MongoTemplate;

import nl.notaris.portal.dossier.parties.Party;
import nl.notaris.portal.testsupport.IntegrationTest;
import nl.notaris.portal.testsupport.ServiceIntegrationTest;

/**
 * What the dossier list's queries cost in the database itself, without HTTP, the gateway or the
 * load generator: the first page and a search of a client with 500 dossiers among 20,000 of other
 * clients, on the MongoDB the integration tests use — MongoDB 8 in Testcontainers where a Docker
 * engine runs, otherwise the local wire-protocol server — and, on MongoDB, the index plan (keys and
 * documents examined). Not part of the test run (its name ends in Bench); run it with
 * {@code ./mvnw -pl dossier-service test -Dtest=DossierListQueryBench} (the README's Benchmarks section).
 */
@ServiceIntegrationTest
class DossierListQueryBench extends IntegrationTest {

    static final int CLIENT_DOSSIERS = 500;
    static final int OTHER_DOSSIERS = 20_000;
    static final int RUNS = 300;

    @Autowired
    MongoTemplate mongo;
    @Autowired
    DossierSearch search;

    @Test
    void dossierListQueries() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String client = "bench-" + run;
        seed(run, client);
        List<String> keys = List.of("account:" + client);
        List<DossierStatus> inProgress = List.of(DossierStatus.IN_PROGRESS);
        var firstPage = PageRequest.of(0, 20);

        String backend = backend();
        System.out.printf("%nDossier list queries on %s: %,d dossiers of this client among %,d%n", backend,
                CLIENT_DOSSIERS, CLIENT_DOSSIERS + OTHER_DOSSIERS);
        time("first page (count + 20 newest)", () -> search.forCaller(keys, inProgress, null, firstPage),
                CLIENT_DOSSIERS * 4 / 5);
        time("search 'hypotheek' (count + first 20)", () -> search.forCaller(keys, inProgress, "hypotheek", firstPage),
                expectedHypotheek());
        explain(keys);
    }

    private void seed(String run, String client) {
        String[] words = { "Aankoop woning", "Testament", "Levering", "Hypotheek", "Schenking", "Oprichting B.V." };
        Instant now = Instant.now();
        List<Dossier> batch = new ArrayList<>();
        for (int i = 1; i <= CLIENT_DOSSIERS + OTHER_DOSSIERS; i++) {
            boolean mine = i <= CLIENT_DOSSIERS;
            String account = mine ? client : "other-" + run + "-" + (i % 2_000);
            batch.add(Dossier.open("QB-%s-%05d".formatted(run, i), "%s %d Benchstraat %d".formatted(words[i % words.length], i, i % 97),
                    i % 5 == 0 ? DossierStatus.COMPLETED : DossierStatus.IN_PROGRESS,
                    List.of(new Party(account, account + "@example.com", "PERSON", null, "Bench " + account)), now));
            if (batch.size() == 1_000) {
                mongo.insert(batch, Dossier.class);
                batch.clear();
            }
        }
        mongo.insert(batch, Dossier.class);
    }

    private static long expectedHypotheek() {
        long count = 0;
        for (int i = 1; i <= CLIENT_DOSSIERS; i++) {
            if (i % 6 == 3 && i % 5 != 0) {
                count++;
            }
        }
        return count;
    }

    private void time(String name, Supplier<Page<Dossier>> query, long expectedTotal) {
        for (int i = 0; i < 30; i++) {
            assertThat(query.get().getTotalElements()).as(name).isEqualTo(expectedTotal);
        }
        long[] micros = new long[RUNS];
        for (int i = 0; i < RUNS; i++) {
            long started = System.nanoTime();
            query.get();
            micros[i] = (System.nanoTime() - started) / 1_000;
        }
        Arrays.sort(micros);
        System.out.printf(Locale.ROOT, "  %-40s p50 %7.2f ms   p99 %7.2f ms   (%d runs, %d found)%n", name,
                micros[RUNS / 2] / 1000.0, micros[RUNS * 99 / 100] / 1000.0, RUNS, expectedTotal);
    }

    private String backend() {
        Document info = mongo.executeCommand(new Document("buildInfo", 1));
        boolean mongoDb = info.containsKey("gitVersion") && !"unknown".equals(info.get("gitVersion"));
        return (mongoDb ? "MongoDB " : "the local MongoDB wire-protocol server, reporting version ") + info.get("version");
    }

    private void explain(List<String> keys) {
        Document find = new Document("find", "dossiers")
                .append("filter", new Document("accessKeys", new Document("$in", keys)).append("status", new Document("$in", List.of("IN_PROGRESS"))))
                .append("sort", new Document("number", -1)).append("limit", 20);
        try {
            Document stats = mongo.executeCommand(new Document("explain", find).append("verbosity", "executionStats"))
                    .get("executionStats", Document.class);
            System.out.printf("  plan of the first page: %s keys and %s documents examined for %s returned%n",
                    stats.get("totalKeysExamined"), stats.get("totalDocsExamined"), stats.get("nReturned"));
        } catch (RuntimeException e) {
            System.out.println("  plan: not available on this server (" + e.getClass().getSimpleName() + ")");
        }
    }
}
