// Progressive enhancement for the events section: everything works without this file.
(function () {
  "use strict";
  // On a phone the filters would push the events a screen down: fold them, one tap opens them.
  if (!window.matchMedia || !window.matchMedia("(max-width: 991.98px)").matches) return;
  document.querySelectorAll("details[data-fold-on-small-screens]").forEach(function (details) {
    details.open = false;
  });
})();
