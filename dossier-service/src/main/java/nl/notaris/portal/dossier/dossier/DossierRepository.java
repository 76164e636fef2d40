package nl.notaris.portal.dossier.dossier;

import org.springframework.data.mongodb.repository.MongoRepository;

public interface DossierRepository extends MongoRepository<Dossier, String> {

    boolean existsByNumber(String number);
}
