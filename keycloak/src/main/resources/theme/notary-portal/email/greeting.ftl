<#-- How every e-mail of the theme greets the account: by its name ("Geachte Noor Bakker,"), a company's
     main account without a person's name by the company's name, and without either neutrally ("Geachte
     heer, mevrouw,"). Returns the text; the HTML templates escape it when they write it. -->
<#function line user>
    <#local name = ((user.firstName!"") + " " + (user.lastName!""))?trim>
    <#if !name?has_content && ((user.attributes.account_type)!"") == "COMPANY_MAIN">
        <#local name = ((user.attributes.company_name)!"")?trim>
    </#if>
    <#return name?has_content?then(msg("portalGreeting", name), msg("portalGreetingNoName"))>
</#function>
