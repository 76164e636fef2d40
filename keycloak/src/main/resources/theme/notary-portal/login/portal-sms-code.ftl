<#-- "Type the code from the text message": the second sign-in step (portal-sms-code), setting up a
     number (portal-sms-setup) and switching SMS off (portal-sms-disable). portalSms: purpose, titleKey,
     introKey, submitKey, maskedNumber, recoveryCodeOffered, contactOffice, otherNumberOffered. -->
<#import "template.ftl" as layout>
<#import "field.ftl" as field>
<#import "buttons.ftl" as buttons>
<@layout.registrationLayout displayMessage=!messagesPerField.existsError('code'); section>
<!-- template: portal-sms-code.ftl (notary-portal) -->
    <#if section = "header">
        ${msg(portalSms.titleKey)}
    <#elseif section = "form">
        <p id="portal-sms-intro" class="portal-instruction">${msg(portalSms.introKey, portalSms.maskedNumber?replace(" ", "\xA0"))}</p>
        <form id="portal-sms-code-form" class="${properties.kcFormClass!}" action="${url.loginAction}" method="post" novalidate="novalidate">
            <#assign codeError = messagesPerField.getFirstError('code')>
            <@field.group name="code" label=msg("portalSmsCodeLabel") error=codeError>
                <span class="${properties.kcInputClass} <#if codeError?has_content>${properties.kcError}</#if>">
                    <input id="code" name="code" type="text" inputmode="numeric" autocomplete="one-time-code"
                           maxlength="7" spellcheck="false" autofocus
                           aria-describedby="portal-sms-intro portal-sms-code-hint<#if codeError?has_content> input-error-code</#if>"
                           <#if codeError?has_content>aria-invalid="true"</#if>/>
                </span>
                <p id="portal-sms-code-hint" class="portal-hint">${msg("portalSmsCodeHint")}</p>
            </@field.group>

            <@buttons.actionGroup>
                <@buttons.button id="kc-login" name="login" label=portalSms.submitKey class=["kcButtonPrimaryClass", "kcButtonBlockClass"]/>
                <@buttons.button id="portal-sms-resend" name="resend" label="portalSmsResendButton" class=["kcButtonSecondaryClass", "kcButtonBlockClass"]/>
                <#if portalSms.otherNumberOffered>
                    <@buttons.button id="portal-sms-other-number" name="other-number" label="portalSmsOtherNumberButton" class=["kcButtonSecondaryClass", "kcButtonBlockClass"]/>
                </#if>
                <#if isAppInitiatedAction??>
                    <@buttons.button id="kc-cancel" name="cancel-aia" label="doCancel" class=["kcButtonSecondaryClass", "kcButtonBlockClass"] value="true"/>
                </#if>
            </@buttons.actionGroup>
        </form>
        <#if portalSms.recoveryCodeOffered>
            <form id="portal-use-recovery-code-form" class="portal-other-way" action="${url.loginAction}" method="post">
                <p>${msg("portalSmsLostPhone")}</p>
                <button type="submit" id="portal-use-recovery-code" name="use-recovery-code" value="true" class="${properties.kcButtonLinkClass!} portal-link-button">${msg("portalSmsUseRecoveryCodeButton")}</button>
            </form>
        <#elseif portalSms.contactOffice>
            <p class="portal-other-way">${msg("portalSmsLostPhoneNoRecoveryCode")}</p>
        </#if>
    </#if>
</@layout.registrationLayout>
