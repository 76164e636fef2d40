<#-- E-mail #2 of the invitation (ONB-2/3): the link to set a password. Attributes: link,
     linkExpiration (minutes), linkExpirationFormatter, user, realmName. -->
<#import "template.ftl" as layout>
<@layout.emailLayout preheader=msg("portalSetPasswordSubject")>
<@layout.greeting/>
<p style="margin:0 0 16px 0;">${msg("portalSetPasswordIntro")}</p>
<@layout.button href=link label=msg("portalSetPasswordButton")/>
<p style="margin:0 0 16px 0;">${msg("portalLinkExpiry", linkExpirationFormatter(linkExpiration))}</p>
<@layout.linkFallback href=link/>
<p style="margin:0 0 16px 0;">${msg("portalSetPasswordIgnore")}</p>
<@layout.signature/>
</@layout.emailLayout>
