// Progressive enhancement only: every page works without this file.
(function () {
  "use strict";
  document.documentElement.classList.remove("no-js");

  // Mobile menu: Bootstrap Italia's off-canvas navigation, without its 1 MB bundle.
  var toggle = document.querySelector("[data-menu-toggle]");
  var menu = toggle && document.getElementById(toggle.getAttribute("aria-controls"));
  if (!menu) return;
  var closeButton = menu.querySelector("[data-menu-close]");

  function open() {
    menu.style.display = "block";
    toggle.setAttribute("aria-expanded", "true");
    requestAnimationFrame(function () { menu.classList.add("expanded"); });
    var firstLink = menu.querySelector("a");
    if (firstLink) firstLink.focus();
  }
  function close() {
    menu.classList.remove("expanded");
    toggle.setAttribute("aria-expanded", "false");
    menu.style.display = "";
    toggle.focus();
  }
  toggle.addEventListener("click", open);
  if (closeButton) closeButton.addEventListener("click", close);
  menu.querySelector(".overlay").addEventListener("click", close);
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && toggle.getAttribute("aria-expanded") === "true") close();
  });
})();

// Listing filters: on a phone they would push the results a screen down, so
// they start folded there (one tap opens them); without JS they stay open.
(function () {
  "use strict";
  if (!window.matchMedia || !window.matchMedia("(max-width: 991.98px)").matches) return;
  document.querySelectorAll("details[data-fold-on-small-screens]").forEach(function (details) {
    details.open = false;
  });
})();
