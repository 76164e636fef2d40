package nl.notaris.portal.notification.mail;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.stereotype.Component;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;

/**
 * Renders e-mails from Mustache templates: per kind and language a subject line, a plain-text and
 * an HTML body ({@code <kind>/<language>.subject|txt|html}). They live in {@code portal.mail.templates}
 * (the built-in ones on the classpath, or a folder of a designer's own), read once at start-up. HTML
 * escapes every value.
 */
@Component
public class MailTemplates {

    private record Compiled(Template subject, Template text, Template html) {
    }

    private final Map<MailKind, Map<Language, Compiled>> templates = new EnumMap<>(MailKind.class);

    MailTemplates(ResourceLoader resources, @Value("${portal.mail.templates:classpath:/mail/}") String location) {
        // a value left empty (no due date) renders as nothing; a name the model does not have still fails
        Mustache.Compiler text = Mustache.compiler().escapeHTML(false).strictSections(true).nullValue("");
        Mustache.Compiler html = Mustache.compiler().escapeHTML(true).strictSections(true).nullValue("");
        String base = location.endsWith("/") ? location : location + "/";
        for (MailKind kind : MailKind.values()) {
            Map<Language, Compiled> perLanguage = new EnumMap<>(Language.class);
            for (Language language : Language.values()) {
                String prefix = base + kind.templateName() + "/" + language.tag();
                perLanguage.put(language, new Compiled(compile(text, resources.getResource(prefix + ".subject")),
                        compile(text, resources.getResource(prefix + ".txt")),
                        compile(html, resources.getResource(prefix + ".html"))));
            }
            templates.put(kind, perLanguage);
        }
    }

    public MailContent render(MailKind kind, Language language, MailModel model) {
        Compiled compiled = templates.get(kind).get(language);
        return new MailContent(compiled.subject().execute(model).strip(), compiled.text().execute(model),
                compiled.html().execute(model));
    }

    private static Template compile(Mustache.Compiler compiler, Resource resource) {
        try (Reader reader = new InputStreamReader(resource.getInputStream(), StandardCharsets.UTF_8)) {
            return compiler.compile(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("Mail template missing: " + resource.getDescription(), e);
        }
    }
}
