// Habba Roastery: small progressive enhancements.
(function () {
  'use strict';
  function ready(fn) {
    if (document.readyState !== 'loading') { fn(); } else { document.addEventListener('DOMContentLoaded', fn); }
  }
  ready(function () {
    // Mark the current page in the main navigation.
    var here = window.location.pathname;
    document.querySelectorAll('.site-header nav a').forEach(function (a) {
      if (a.getAttribute('href') === here) { a.setAttribute('aria-current', 'page'); }
    });
    // Keep the quantity field within sensible bounds.
    document.querySelectorAll('input[name="qty"]').forEach(function (input) {
      input.addEventListener('change', function () {
        var n = parseInt(input.value, 10);
        if (isNaN(n) || n < 1) { n = 1; }
        if (n > 20) { n = 20; }
        input.value = String(n);
      });
    });
    // Forms on the demo site are not connected to a back end.
    document.querySelectorAll('form').forEach(function (form) {
      form.addEventListener('submit', function (event) {
        event.preventDefault();
        var note = form.querySelector('.form-note');
        if (!note) {
          note = document.createElement('p');
          note.className = 'form-note';
          note.setAttribute('role', 'status');
          form.appendChild(note);
        }
        note.textContent = document.documentElement.lang === 'en'
          ? 'Thank you, we will get back to you shortly.'
          : 'شكراً لك، سنتواصل معك قريباً.';
      });
    });
  });
})();
