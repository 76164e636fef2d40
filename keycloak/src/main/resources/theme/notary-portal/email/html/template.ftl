<#-- Portal look for HTML e-mails: inline styles only (mail clients drop style sheets), one column,
     readable without images. Everything put in by the caller is escaped (HTML output format). -->
<#import "../greeting.ftl" as salutation>
<#macro emailLayout preheader="">
<!DOCTYPE html>
<html lang="${locale.language}" dir="${(ltr)?then('ltr','rtl')}">
<head>
<meta charset="UTF-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light">
<title>${realmName}</title>
</head>
<body style="margin:0;padding:0;background-color:#f4f6f9;font-family:'Segoe UI',Roboto,'Helvetica Neue',Arial,sans-serif;font-size:16px;line-height:1.55;color:#1d2733;">
<#if preheader?has_content><div style="display:none;max-height:0;overflow:hidden;">${preheader}</div></#if>
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="background-color:#f4f6f9;">
  <tr>
    <td align="center" style="padding:0;">
      <table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="background-color:#1f3a5f;">
        <tr>
          <td align="center" style="padding:24px 16px;color:#ffffff;font-size:22px;font-weight:600;letter-spacing:0.02em;">${msg("portalMailHeader")}</td>
        </tr>
      </table>
      <table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="max-width:600px;">
        <tr>
          <td style="padding:24px 16px;">
            <table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="background-color:#ffffff;border-top:4px solid #1f3a5f;border-radius:6px;">
              <tr>
                <td style="padding:28px 28px 20px 28px;">
<#nested>
                </td>
              </tr>
            </table>
            <p style="margin:16px 4px 0 4px;font-size:13px;color:#5a6675;">${msg("portalMailFooter")}</p>
          </td>
        </tr>
      </table>
    </td>
  </tr>
</table>
</body>
</html>
</#macro>

<#-- Salutation with the account's name when it has one (greeting.ftl). -->
<#macro greeting>
<p style="margin:0 0 16px 0;">${salutation.line(user)}</p>
</#macro>

<#-- The one button of the e-mail, with the link written out below it for when the button does not work. -->
<#macro button href label>
<table role="presentation" cellpadding="0" cellspacing="0" border="0" style="margin:24px 0;">
  <tr>
    <td style="border-radius:4px;background-color:#1f3a5f;">
      <a href="${href}" style="display:inline-block;padding:12px 28px;color:#ffffff;font-size:17px;font-weight:600;text-decoration:none;border-radius:4px;">${label}</a>
    </td>
  </tr>
</table>
</#macro>

<#macro linkFallback href>
<p style="margin:0 0 16px 0;font-size:14px;color:#5a6675;">${msg("portalLinkFallback")}<br><a href="${href}" style="color:#1f3a5f;word-break:break-all;">${href}</a></p>
</#macro>

<#macro signature>
<p style="margin:24px 0 0 0;">${msg("portalSignature")}<br>${realmName}</p>
</#macro>
