<#ftl output_format="plainText">
<#import "../greeting.ftl" as salutation>
${salutation.line(user)}

${msg("portalSetPasswordIntro")}

${msg("portalSetPasswordButton")}:
${link}

${msg("portalLinkExpiry", linkExpirationFormatter(linkExpiration))}

${msg("portalSetPasswordIgnore")}

${msg("portalSignature")}
${realmName}

--
${msg("portalMailFooter")}
