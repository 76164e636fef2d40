<#ftl output_format="plainText">
<#assign fullName = ((user.firstName!"") + " " + (user.lastName!""))?trim>
<#assign onlyPassword = requiredActions?? && requiredActions?size == 1 && requiredActions[0] == "UPDATE_PASSWORD">
<#assign actionsText><#if requiredActions??><#list requiredActions as action>${msg("requiredAction.${action}")}<#sep>, </#sep></#list></#if></#assign>
<#if fullName?has_content>${msg("portalGreeting", fullName)}<#else>${msg("portalGreetingNoName")}</#if>

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
