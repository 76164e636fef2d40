<#-- keycloak.v2's login-update-password.ftl with the password rules shown before the client types,
     and the button "Instellen wachtwoord" (manual 1.1). Used by the set-password link, the
     forgotten-password link and any UPDATE_PASSWORD required action.
     portalFirstPassword (set by PortalFirstPassword, the set-password link's required action for an
     account without a password) makes it the welcome of a new client: "Kies uw wachtwoord", no "you must change your password" note and no
     "sign out on other devices" box (there is nothing to sign out of yet). -->
<#import "template.ftl" as layout>
<#import "password-commons.ftl" as passwordCommons>
<#import "field.ftl" as field>
<#import "buttons.ftl" as buttons>
<#import "password-validation.ftl" as validator>
<#assign firstPassword = (portalFirstPassword!false)>
<#-- Keycloak's own note on this page is a warning ("resetPasswordMessage"/"updatePasswordMessage"); the welcome replaces it. -->
<#assign keycloaksNoteOnly = firstPassword && message?? && message.type == 'warning'>
<@layout.registrationLayout displayMessage=!messagesPerField.existsError('password','password-confirm') && !keycloaksNoteOnly; section>
<!-- template: login-update-password.ftl (notary-portal) -->
    <#if section = "header">
        <#if firstPassword>${msg("portalFirstPasswordTitle")}<#else>${msg("updatePasswordTitle")}</#if>
    <#elseif section = "form">
        <#if firstPassword>
        <p id="portal-first-password-welcome" class="portal-first-password-welcome">${msg("portalFirstPasswordWelcome")}</p>
        </#if>
        <div id="portal-password-rules" class="portal-password-rules">
            <p class="portal-password-rules__title">${msg("portalPasswordRulesTitle")}</p>
            <p class="portal-password-rules__text">${msg("portalPasswordRules", ((passwordPolicies.length)!12)?c)}</p>
        </div>
        <form id="kc-passwd-update-form" class="${properties.kcFormClass!}" onsubmit="login.disabled = true; return true;" action="${url.loginAction}" method="post" novalidate="novalidate">
            <@field.password name="password-new" label=msg("passwordNew") fieldName="password" autocomplete="new-password" autofocus=true />
            <@field.password name="password-confirm" label=msg("passwordConfirm") autocomplete="new-password" />

            <#if !firstPassword>
            <div class="${properties.kcFormGroupClass}">
                <@passwordCommons.logoutOtherSessions/>
            </div>
            </#if>

            <@buttons.actionGroup horizontal=true>
                <#if isAppInitiatedAction??>
                    <@buttons.button id="kc-submit" name="login" label="portalSetPasswordButton" class=["kcButtonPrimaryClass"]/>
                    <@buttons.button id="kc-cancel" label="doCancel" name="cancel-aia" class=["kcButtonSecondaryClass"]/>
                <#else>
                    <@buttons.button id="kc-submit" name="login" label="portalSetPasswordButton" class=["kcButtonPrimaryClass", "kcButtonBlockClass"]/>
                </#if>
            </@buttons.actionGroup>
        </form>
        <script>
            // Screen readers read the rules with the field.
            document.getElementById("password-new").setAttribute("aria-describedby", "portal-password-rules");
        </script>

        <@validator.templates/>
        <@validator.script field="password-new"/>
    </#if>
</@layout.registrationLayout>
