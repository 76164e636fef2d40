<#-- Forgotten password (ONB-6): Keycloak's reset-credentials e-mail. Attributes: link,
     linkExpiration (minutes), linkExpirationFormatter, user, realmName. -->
<#import "template.ftl" as layout>
<@layout.emailLayout preheader=msg("passwordResetSubject")>
<@layout.greeting/>
<p style="margin:0 0 16px 0;">${msg("portalPasswordResetIntro")}</p>
<@layout.button href=link label=msg("portalSetPasswordButton")/>
<p style="margin:0 0 16px 0;">${msg("portalLinkExpiry", linkExpirationFormatter(linkExpiration))}</p>
<@layout.linkFallback href=link/>
<p style="margin:0 0 16px 0;">${msg("portalPasswordResetIgnore")}</p>
<@layout.signature/>
</@layout.emailLayout>
