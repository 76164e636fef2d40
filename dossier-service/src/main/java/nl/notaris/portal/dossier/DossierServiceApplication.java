package nl.notaris.portal.dossier;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class DossierServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(DossierServiceApplication.class, args);
    }
}
