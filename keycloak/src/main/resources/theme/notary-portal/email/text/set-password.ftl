<#ftl output_format="plainText">
<#assign fullName = ((user.firstName!"") + " " + (user.lastName!""))?trim>
<#if fullName?has_content>${msg("portalGreeting", fullName)}<#else>${msg("portalGreetingNoName")}</#if>

${msg("portalSetPasswordIntro")}

${msg("portalSetPasswordButton")}:
${link}

${msg("portalLinkExpiry", linkExpirationFormatter(linkExpiration))}

${msg("portalSetPasswordIgnore")}

${msg("portalSignature")}
${realmName}

--
${msg("portalMailFooter")}
