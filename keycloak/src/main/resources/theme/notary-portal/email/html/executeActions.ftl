<#-- Keycloak's execute-actions-email (admin API). The portal itself uses set-password.ftl; this one
     stays readable when an administrator sends it. Attributes: link, linkExpiration,
     linkExpirationFormatter, requiredActions, user, realmName. -->
<#import "template.ftl" as layout>
<#assign onlyPassword = requiredActions?? && requiredActions?size == 1 && requiredActions[0] == "UPDATE_PASSWORD">
<#assign actionsText><#if requiredActions??><#list requiredActions as action>${msg("requiredAction.${action}")}<#sep>, </#sep></#list></#if></#assign>
<@layout.emailLayout preheader=msg("executeActionsSubject")>
<@layout.greeting/>
<#if onlyPassword>
<p style="margin:0 0 16px 0;">${msg("portalExecuteActionsPasswordIntro")}</p>
<@layout.button href=link label=msg("portalSetPasswordButton")/>
<#else>
<p style="margin:0 0 16px 0;">${msg("portalExecuteActionsIntro", actionsText)}</p>
<@layout.button href=link label=msg("portalExecuteActionsButton")/>
</#if>
<p style="margin:0 0 16px 0;">${msg("portalLinkExpiry", linkExpirationFormatter(linkExpiration))}</p>
<@layout.linkFallback href=link/>
<p style="margin:0 0 16px 0;">${msg("portalExecuteActionsIgnore")}</p>
<@layout.signature/>
</@layout.emailLayout>
