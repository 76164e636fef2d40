<#-- Setting up SMS verification, or changing the number (portal-sms-setup), step 1: the number.
     portalSmsSetup: change, currentNumber, requiredByOffice, appOffered, phone. -->
<#import "template.ftl" as layout>
<#import "field.ftl" as field>
<#import "buttons.ftl" as buttons>
<@layout.registrationLayout displayMessage=!messagesPerField.existsError('phone'); section>
<!-- template: portal-sms-setup.ftl (notary-portal) -->
    <#if section = "header">
        <#if portalSmsSetup.change>${msg("portalSmsChangeTitle")}<#else>${msg("portalSmsSetupTitle")}</#if>
    <#elseif section = "form">
        <#if portalSmsSetup.requiredByOffice>
            <p class="portal-instruction portal-notice">${msg("portalSmsSetupRequiredByOffice")}</p>
        </#if>
        <#if portalSmsSetup.change>
            <p id="portal-sms-setup-intro" class="portal-instruction">${msg("portalSmsChangeIntro", portalSmsSetup.currentNumber?replace(" ", "\xA0"))}</p>
        <#else>
            <p id="portal-sms-setup-intro" class="portal-instruction">${msg("portalSmsSetupIntro")}</p>
        </#if>
        <form id="portal-sms-setup-form" class="${properties.kcFormClass!}" action="${url.loginAction}" method="post" novalidate="novalidate">
            <#assign phoneError = messagesPerField.getFirstError('phone')>
            <@field.group name="phone" label=msg("portalSmsPhoneLabel") error=phoneError>
                <span class="${properties.kcInputClass} <#if phoneError?has_content>${properties.kcError}</#if>">
                    <input id="phone" name="phone" type="tel" inputmode="tel" autocomplete="tel" value="${portalSmsSetup.phone}"
                           maxlength="40" autofocus
                           aria-describedby="portal-sms-phone-hint<#if phoneError?has_content> input-error-phone</#if>"
                           <#if phoneError?has_content>aria-invalid="true"</#if>/>
                </span>
                <p id="portal-sms-phone-hint" class="portal-hint">${msg("portalSmsPhoneHint")}</p>
            </@field.group>

            <@buttons.actionGroup>
                <@buttons.button id="portal-sms-send" name="send" label="portalSmsSendButton" class=["kcButtonPrimaryClass", "kcButtonBlockClass"]/>
                <#if isAppInitiatedAction??>
                    <@buttons.button id="kc-cancel" name="cancel-aia" label="doCancel" class=["kcButtonSecondaryClass", "kcButtonBlockClass"] value="true"/>
                </#if>
            </@buttons.actionGroup>
        </form>
        <#if portalSmsSetup.appOffered>
            <form id="portal-use-app-form" class="portal-other-way" action="${url.loginAction}" method="post">
                <p>${msg("portalSmsUseAppIntro")}</p>
                <button type="submit" id="portal-use-app" name="use-app" value="true" class="${properties.kcButtonLinkClass!} portal-link-button">${msg("portalSmsUseAppButton")}</button>
            </form>
        </#if>
    </#if>
</@layout.registrationLayout>
