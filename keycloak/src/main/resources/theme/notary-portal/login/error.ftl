<#-- Keycloak's error page; for a link that expired or was used it offers a new one: Keycloak's
     "Wachtwoord vergeten" page of the link's client, which afterwards signs the client in at the
     portal (client attribute portal.sign-in-uri). -->
<#import "template.ftl" as layout>
<@layout.registrationLayout displayMessage=false; section>
    <#if section = "header">
        ${kcSanitize(msg("errorTitle"))?no_esc}
    <#elseif section = "form">
        <#assign linkUnusable = message?? && (
            message.summary == msg("expiredActionMessage")
            || message.summary == msg("expiredActionTokenNoSessionMessage")
            || message.summary == msg("portalLinkInvalidMessage"))>
        <div id="kc-error-message">
            <p class="instruction">${kcSanitize(message.summary)?no_esc}</p>
            <#if linkUnusable && realm.resetPasswordAllowed>
                <#assign newLinkUrl = url.loginResetCredentialsUrl>
                <#if client??>
                    <#if !newLinkUrl?contains("client_id=")>
                        <#assign newLinkUrl = newLinkUrl + newLinkUrl?contains("?")?then("&", "?") + "client_id=" + client.clientId?url('UTF-8')>
                    </#if>
                    <#if client.getAttribute("portal.sign-in-uri")?has_content && !newLinkUrl?contains("redirect_uri=")>
                        <#assign newLinkUrl = newLinkUrl + newLinkUrl?contains("?")?then("&", "?") + "redirect_uri=" + client.getAttribute("portal.sign-in-uri")?url('UTF-8')>
                    </#if>
                </#if>
                <p>${msg("portalNewLinkInstruction")}</p>
                <p><a id="portal-new-link" class="${properties.kcButtonClass!} ${properties.kcButtonPrimaryClass!}" href="${newLinkUrl}">${msg("portalNewLinkButton")}</a></p>
            </#if>
            <#if skipLink??>
            <#else>
                <#if client?? && client.baseUrl?has_content>
                    <p><a id="backToApplication" href="${client.baseUrl}">${msg("backToApplication")}</a></p>
                </#if>
            </#if>
        </div>
    </#if>
</@layout.registrationLayout>
