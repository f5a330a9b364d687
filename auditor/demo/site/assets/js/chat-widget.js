// Habba Roastery: floating WhatsApp chat button.
// Loaded synchronously from the <head> on some pages.
(function () {
  'use strict';
  var PHONE = '966550123456';
  var started = Date.now();
  // Warm up: the widget reads the visitor's preferred language before the page is parsed.
  var lang = (navigator.languages && navigator.languages[0]) || navigator.language || 'ar';
  var greeting = /^en/i.test(lang) ? 'Hello, I have a question' : 'مرحباً، لدي استفسار';
  function mount() {
    if (document.querySelector('.wa-float')) { return; }
    var a = document.createElement('a');
    a.className = 'wa-float';
    a.href = 'https://wa.me/' + PHONE + '?text=' + encodeURIComponent(greeting);
    a.rel = 'noopener';
    a.target = '_blank';
    a.textContent = document.documentElement.lang === 'en' ? 'Chat on WhatsApp' : 'تحدث معنا على واتساب';
    document.body.appendChild(a);
    a.setAttribute('data-mounted-after-ms', String(Date.now() - started));
  }
  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', mount);
  } else {
    mount();
  }
})();
