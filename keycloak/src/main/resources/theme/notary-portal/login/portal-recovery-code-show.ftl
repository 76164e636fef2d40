<#-- A new recovery code, shown once (portal-sms-setup, portal-recovery-code), with "Afdrukken"
     (window.print(), the print style shows only the code sheet) and "Downloaden" (a data: URL text
     file: nothing leaves the page). portalRecoveryCode: code, spokenCode, account, introKey (optional). -->
<#import "template.ftl" as layout>
<#import "buttons.ftl" as buttons>
<@layout.registrationLayout; section>
<!-- template: portal-recovery-code-show.ftl (notary-portal) -->
    <#if section = "header">
        ${msg("portalRecoveryCodeShowTitle")}
    <#elseif section = "form">
        <#if portalRecoveryCode.introKey??>
            <p class="portal-instruction">${msg(portalRecoveryCode.introKey)}</p>
        </#if>
        <section id="portal-recovery-code-sheet" class="portal-recovery-code-sheet" aria-labelledby="portal-recovery-code-label">
            <p class="portal-print-only">${msg("portalRecoveryCodeFileTitle")}</p>
            <p class="portal-print-only">${msg("portalRecoveryCodeFileAccount", portalRecoveryCode.account)}</p>
            <p id="portal-recovery-code-label" class="portal-recovery-code-label">${msg("portalRecoveryCodeLabel")}</p>
            <p class="portal-recovery-code">
                <code id="portal-recovery-code" aria-hidden="true">${portalRecoveryCode.code}</code>
                <span class="pf-v5-screen-reader">${portalRecoveryCode.spokenCode}</span>
            </p>
            <p id="portal-recovery-code-keep-safe" class="portal-recovery-code-keep-safe">${msg("portalRecoveryCodeKeepSafe")}</p>
        </section>
        <div class="${properties.kcAlertClass!} pf-m-warning portal-no-print">
            <p class="${properties.kcAlertTitleClass!} kc-feedback-text">${msg("portalRecoveryCodeShownOnce")}</p>
        </div>

        <#assign newline = "\r\n">
        <#assign fileText = msg("portalRecoveryCodeFileTitle") + newline + newline
            + msg("portalRecoveryCodeFileAccount", portalRecoveryCode.account) + newline
            + msg("portalRecoveryCodeLabel") + ": " + portalRecoveryCode.code + newline + newline
            + msg("portalRecoveryCodeKeepSafe") + newline + newline
            + msg("portalRecoveryCodeFileMade", .now?string("dd-MM-yyyy HH:mm")) + newline>
        <div class="portal-recovery-code-actions portal-no-print">
            <button type="button" id="portal-print-recovery-code" class="${properties.kcButtonSecondaryClass!}">${msg("portalRecoveryCodePrintButton")}</button>
            <a id="portal-download-recovery-code" class="${properties.kcButtonSecondaryClass!}"
               href="data:text/plain;charset=utf-8,${fileText?url('UTF-8')}"
               download="${msg("portalRecoveryCodeFileName")}">${msg("portalRecoveryCodeDownloadButton")}</a>
        </div>

        <form id="portal-recovery-code-saved-form" class="${properties.kcFormClass!} portal-no-print" action="${url.loginAction}" method="post">
            <@buttons.actionGroup>
                <@buttons.button id="portal-recovery-code-saved" name="saved" label="portalRecoveryCodeSavedButton" class=["kcButtonPrimaryClass", "kcButtonBlockClass"] value="true"/>
            </@buttons.actionGroup>
        </form>
        <script>
            document.getElementById("portal-print-recovery-code").addEventListener("click", function () {
                window.print();
            });
        </script>
    </#if>
</@layout.registrationLayout>
