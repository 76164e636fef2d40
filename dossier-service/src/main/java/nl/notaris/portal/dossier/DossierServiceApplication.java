package nl.notaris.portal.dossier;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableScheduling;

@SpringBootApplication
@EnableScheduling
public class DossierServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(DossierServiceApplication.class, args);
    }
}
