package nl.notaris.portal.notification.mail;

import org.springframework.web.util.HtmlUtils;

/**
 * The e-mail that tells a party a new document is waiting (NOT-1). It takes only a language and
 * the link to the dossier: nothing of the document (title, file name, content) and nothing of the
 * dossier (description) can end up in a mailbox.
 */
public final class DocumentPublishedMail {

    private record Texts(String lang, String subject, String greeting, String body, String linkLabel,
            String automatic, String closing, String signature) {
    }

    private static final Texts DUTCH = new Texts("nl", "Nieuw document in het klantenportaal",
            "Geachte heer, mevrouw,",
            "Er staat een nieuw document voor u klaar in het klantenportaal.",
            "Bekijk het in uw dossier",
            "Dit bericht is automatisch verstuurd; u kunt er niet op antwoorden.",
            "Met vriendelijke groet,", "Uw notariskantoor");

    private static final Texts ENGLISH = new Texts("en", "New document in the client portal",
            "Dear Sir or Madam,",
            "A new document is waiting for you in the client portal.",
            "View it in your dossier",
            "This message was sent automatically; please do not reply to it.",
            "Kind regards,", "Your notary office");

    private DocumentPublishedMail() {
    }

    public static MailContent render(Language language, String dossierLink) {
        Texts t = language == Language.EN ? ENGLISH : DUTCH;
        String text = """
                %s

                %s

                %s: %s

                %s
                %s

                %s
                """.formatted(t.greeting(), t.body(), t.linkLabel(), dossierLink, t.closing(), t.signature(),
                t.automatic());
        String html = """
                <!DOCTYPE html>
                <html lang="%s">
                <head><meta charset="UTF-8"><title>%s</title></head>
                <body style="font-family: Arial, sans-serif; font-size: 15px; color: #1a1a1a;">
                <p>%s</p>
                <p>%s</p>
                <p><a href="%s">%s</a></p>
                <p>%s<br>%s</p>
                <p style="color: #666666; font-size: 12px;">%s</p>
                </body>
                </html>
                """.formatted(t.lang(), esc(t.subject()), esc(t.greeting()), esc(t.body()), esc(dossierLink),
                esc(t.linkLabel()), esc(t.closing()), esc(t.signature()), esc(t.automatic()));
        return new MailContent(t.subject(), text, html);
    }

    private static String esc(String value) {
        return HtmlUtils.htmlEscape(value, "UTF-8");
    }
}
