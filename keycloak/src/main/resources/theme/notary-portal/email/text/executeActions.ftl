<#ftl output_format="plainText">
<#import "../greeting.ftl" as salutation>
<#assign onlyPassword = requiredActions?? && requiredActions?size == 1 && requiredActions[0] == "UPDATE_PASSWORD">
<#assign actionsText><#if requiredActions??><#list requiredActions as action>${msg("requiredAction.${action}")}<#sep>, </#sep></#list></#if></#assign>
${salutation.line(user)}

<#if onlyPassword>${msg("portalExecuteActionsPasswordIntro")}

${msg("portalSetPasswordButton")}:<#else>${msg("portalExecuteActionsIntro", actionsText)}

${msg("portalExecuteActionsButton")}:</#if>
${link}

${msg("portalLinkExpiry", linkExpirationFormatter(linkExpiration))}

${msg("portalExecuteActionsIgnore")}

${msg("portalSignature")}
${realmName}

--
${msg("portalMailFooter")}
