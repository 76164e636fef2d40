<#-- Keycloak's "choose how to sign in" ("Op een andere manier inloggen": SMS code, authenticator app,
     passkey, recovery code) with a real button per way: keycloak.v2's clickable list items cannot be
     reached with the keyboard. Posts authenticationExecution like Keycloak's page. -->
<#import "template.ftl" as layout>
<@layout.registrationLayout displayInfo=false; section>
<!-- template: select-authenticator.ftl (notary-portal) -->
    <#if section = "header">
        ${msg("loginChooseAuthenticator")}
    <#elseif section = "form">
        <form id="kc-select-credential-form" action="${url.loginAction}" method="post">
            <ul class="portal-select-auth" role="list">
                <#list auth.authenticationSelections as authenticationSelection>
                    <li>
                        <button type="submit" id="portal-select-auth-${authenticationSelection?index}" name="authenticationExecution"
                                value="${authenticationSelection.authExecId}" class="portal-select-auth__option">
                            <i class="${properties['${authenticationSelection.iconCssClass}']!authenticationSelection.iconCssClass} portal-select-auth__icon" aria-hidden="true"></i>
                            <span class="portal-select-auth__name">${msg('${authenticationSelection.displayName}')}</span>
                            <span class="portal-select-auth__help">${msg('${authenticationSelection.helpText}')}</span>
                        </button>
                    </li>
                </#list>
            </ul>
        </form>
    </#if>
</@layout.registrationLayout>
