<#ftl output_format="plainText">
<#import "../greeting.ftl" as salutation>
${salutation.line(user)}

${msg("portalPasswordResetIntro")}

${msg("portalSetPasswordButton")}:
${link}

${msg("portalLinkExpiry", linkExpirationFormatter(linkExpiration))}

${msg("portalPasswordResetIgnore")}

${msg("portalSignature")}
${realmName}

--
${msg("portalMailFooter")}
