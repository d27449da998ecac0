// Search suggestions for the header box: the ARIA 1.2 combobox pattern with a listbox.
// Without this file the box is a plain search field that submits to /cerca/.
(function () {
  "use strict";
  var input = document.getElementById("site-search-input");
  var form = input && input.form;
  if (!input || !form || !window.fetch) return;
  var endpoint = form.getAttribute("data-suggestions-url");
  if (!endpoint) return;

  var listbox = document.createElement("ul");
  listbox.id = "site-search-suggestions";
  listbox.className = "search-suggestions";
  listbox.setAttribute("role", "listbox");
  listbox.setAttribute("aria-label", form.getAttribute("data-suggestions-label") || "Suggerimenti");
  listbox.hidden = true;
  var status = document.createElement("div");
  status.className = "visually-hidden";
  status.setAttribute("role", "status");
  form.appendChild(listbox);
  form.appendChild(status);

  input.setAttribute("role", "combobox");
  input.setAttribute("aria-autocomplete", "list");
  input.setAttribute("aria-expanded", "false");
  input.setAttribute("aria-controls", listbox.id);

  var options = [];
  var active = -1;
  var timer = null;
  var lastQuery = "";
  var controller = null;

  function close() {
    listbox.hidden = true;
    input.setAttribute("aria-expanded", "false");
    input.removeAttribute("aria-activedescendant");
    active = -1;
  }

  function setActive(index) {
    if (!options.length) return;
    active = (index + options.length) % options.length;
    options.forEach(function (option, i) {
      option.setAttribute("aria-selected", i === active ? "true" : "false");
    });
    input.setAttribute("aria-activedescendant", options[active].id);
    options[active].scrollIntoView({ block: "nearest" });
  }

  function render(items) {
    listbox.textContent = "";
    options = items.map(function (item, i) {
      var option = document.createElement("li");
      option.id = "site-search-suggestion-" + i;
      option.setAttribute("role", "option");
      option.setAttribute("aria-selected", "false");
      option.dataset.url = item.url;
      var title = document.createElement("span");
      title.className = "suggestion-title";
      title.textContent = item.title;
      option.appendChild(title);
      if (item.type) {
        var type = document.createElement("span");
        type.className = "suggestion-type";
        type.textContent = item.type;
        option.appendChild(type);
      }
      option.addEventListener("mousedown", function (event) {
        event.preventDefault();  // keep focus in the box until we navigate
        window.location.href = item.url;
      });
      listbox.appendChild(option);
      return option;
    });
    active = -1;
    input.removeAttribute("aria-activedescendant");
    if (options.length) {
      listbox.hidden = false;
      input.setAttribute("aria-expanded", "true");
    } else {
      close();
    }
    status.textContent = options.length
      ? (form.getAttribute("data-suggestions-count") || "%s").replace("%s", options.length)
      : "";
  }

  function fetchSuggestions() {
    var query = input.value.trim();
    if (query === lastQuery) return;
    lastQuery = query;
    if (query.length < 2) { render([]); return; }
    if (controller) controller.abort();
    controller = new AbortController();
    fetch(endpoint + "?q=" + encodeURIComponent(query), {
      headers: { Accept: "application/json" },
      signal: controller.signal,
    })
      .then(function (response) { return response.ok ? response.json() : { suggestions: [] }; })
      .then(function (data) { if (input.value.trim() === query) render(data.suggestions || []); })
      .catch(function () { /* an aborted or failed request leaves the plain search box */ });
  }

  input.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(fetchSuggestions, 150);
  });
  input.addEventListener("keydown", function (event) {
    if (event.key === "ArrowDown") {
      if (listbox.hidden && options.length) { listbox.hidden = false; input.setAttribute("aria-expanded", "true"); }
      setActive(active + 1);
      event.preventDefault();
    } else if (event.key === "ArrowUp") {
      setActive(active - 1);
      event.preventDefault();
    } else if (event.key === "Enter" && active >= 0 && !listbox.hidden) {
      event.preventDefault();
      window.location.href = options[active].dataset.url;
    } else if (event.key === "Escape") {
      if (!listbox.hidden) { close(); event.preventDefault(); } else { input.value = ""; }
    }
  });
  input.addEventListener("blur", function () { setTimeout(close, 100); });
})();
