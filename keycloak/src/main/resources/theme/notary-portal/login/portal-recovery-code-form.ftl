<#-- Sign in with the recovery code: "Herstelcode gebruiken" of portal-sms-code and the authenticator
     portal-recovery-code. portalRecovery.smsOffered: a way back to the text message code. -->
<#import "template.ftl" as layout>
<#import "field.ftl" as field>
<#import "buttons.ftl" as buttons>
<@layout.registrationLayout displayMessage=!messagesPerField.existsError('recoveryCode'); section>
<!-- template: portal-recovery-code-form.ftl (notary-portal) -->
    <#if section = "header">
        ${msg("portalRecoveryCodeFormTitle")}
    <#elseif section = "form">
        <p id="portal-recovery-code-intro" class="portal-instruction">${msg("portalRecoveryCodeFormIntro")}</p>
        <form id="portal-recovery-code-form" class="${properties.kcFormClass!}" action="${url.loginAction}" method="post" novalidate="novalidate">
            <#assign codeError = messagesPerField.getFirstError('recoveryCode')>
            <@field.group name="recoveryCode" label=msg("portalRecoveryCodeLabel") error=codeError>
                <span class="${properties.kcInputClass} <#if codeError?has_content>${properties.kcError}</#if>">
                    <input id="recoveryCode" name="recoveryCode" type="text" autocomplete="off" autocapitalize="characters"
                           spellcheck="false" maxlength="40" autofocus class="portal-code-input"
                           aria-describedby="portal-recovery-code-intro<#if codeError?has_content> input-error-recoveryCode</#if>"
                           <#if codeError?has_content>aria-invalid="true"</#if>/>
                </span>
            </@field.group>

            <@buttons.actionGroup>
                <@buttons.button id="kc-login" name="login" label="doLogIn" class=["kcButtonPrimaryClass", "kcButtonBlockClass"]/>
                <#if portalRecovery.smsOffered>
                    <@buttons.button id="portal-use-sms" name="use-sms" label="portalRecoveryCodeBackToSms" class=["kcButtonSecondaryClass", "kcButtonBlockClass"]/>
                </#if>
            </@buttons.actionGroup>
        </form>
    </#if>
</@layout.registrationLayout>
