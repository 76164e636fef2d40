<#-- Switching SMS verification off (portal-sms-disable) when that is not possible: not on, or the
     office requires two-step verification and SMS is the only second step. portalSmsDisable.reasonKey. -->
<#import "template.ftl" as layout>
<#import "buttons.ftl" as buttons>
<@layout.registrationLayout; section>
<!-- template: portal-sms-disable.ftl (notary-portal) -->
    <#if section = "header">
        ${msg("portalSmsDisableTitle")}
    <#elseif section = "form">
        <div class="${properties.kcAlertClass!} pf-m-warning" role="status">
            <p class="${properties.kcAlertTitleClass!} kc-feedback-text">${msg(portalSmsDisable.reasonKey)}</p>
        </div>
        <form id="portal-sms-disable-form" class="${properties.kcFormClass!}" action="${url.loginAction}" method="post">
            <@buttons.actionGroup>
                <@buttons.button id="portal-back" name="back" label="portalBackToPortalButton" class=["kcButtonPrimaryClass", "kcButtonBlockClass"] value="true"/>
            </@buttons.actionGroup>
        </form>
    </#if>
</@layout.registrationLayout>
