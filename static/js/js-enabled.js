// Loaded without defer at the top of <body> (a classic script, so it runs before the page is
// drawn): marks the page as having JavaScript, and GOV.UK Frontend as supported, before any
// component is shown. A file rather than an inline script, so the Content-Security-Policy
// needs no exception.
document.body.className +=
  " js-enabled" + ("noModule" in HTMLScriptElement.prototype ? " govuk-frontend-supported" : "");
