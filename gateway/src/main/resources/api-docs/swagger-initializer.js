// The staff API's Swagger UI (served by the gateway at /api/docs/, staff only): the merged document
// next to this page. "Try it out" calls the gateway: with a pasted bearer token, or with the office
// workspace's session, whose calls that change something carry the CSRF token as the web app's do.
window.onload = function () {
  window.ui = SwaggerUIBundle({
    url: './staff.json',
    dom_id: '#swagger-ui',
    deepLinking: true,
    validatorUrl: null,
    presets: [SwaggerUIBundle.presets.apis],
    plugins: [SwaggerUIBundle.plugins.DownloadUrl],
    layout: 'BaseLayout',
    requestInterceptor: function (request) {
      var method = (request.method || 'GET').toUpperCase();
      var bearer = Object.keys(request.headers || {}).some(function (name) { return name.toLowerCase() === 'authorization'; });
      if (!bearer && ['GET', 'HEAD', 'OPTIONS'].indexOf(method) < 0) {
        var cookie = document.cookie.split('; ').filter(function (c) { return c.indexOf('XSRF-TOKEN=') === 0; })[0];
        if (cookie) {
          request.headers['X-XSRF-TOKEN'] = decodeURIComponent(cookie.substring('XSRF-TOKEN='.length));
        }
      }
      return request;
    },
  });
};
