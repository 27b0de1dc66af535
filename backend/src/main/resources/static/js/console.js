// Azukari console: small behaviour shared by every page (no inline script anywhere; CSP script-src 'self').
// htmx requests carry the session's CSRF token from the page's meta tags, as forms do in their hidden field.
(function () {
  'use strict';
  function meta(name) {
    var el = document.querySelector('meta[name="' + name + '"]');
    return el ? el.getAttribute('content') : null;
  }
  document.addEventListener('htmx:configRequest', function (event) {
    var token = meta('csrf-token');
    var header = meta('csrf-header');
    if (token && header) {
      event.detail.headers[header] = token;
    }
  });
  // a form sent once is not sent again by a second click while the first is on its way
  document.addEventListener('submit', function (event) {
    var form = event.target;
    if (form.dataset.submitted === 'true') {
      event.preventDefault();
      return;
    }
    form.dataset.submitted = 'true';
    window.setTimeout(function () { form.dataset.submitted = ''; }, 10000);
  });
  // "select all" checkboxes: <input type=checkbox data-select-all="name">
  document.addEventListener('change', function (event) {
    var el = event.target;
    if (el.dataset && el.dataset.selectAll) {
      document.querySelectorAll('input[type=checkbox][name="' + el.dataset.selectAll + '"]').forEach(function (box) {
        box.checked = el.checked;
      });
    }
  });
}());
